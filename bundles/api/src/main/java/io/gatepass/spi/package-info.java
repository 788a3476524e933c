/**
 * What Gatepass bundles implement for each other: the durable {@link io.gatepass.spi.RecordStore}
 * that the embedded and JDBC stores provide, the {@link io.gatepass.spi.SecretVault} for secrets
 * that must be read back, and the prefixed-secret format shared by client secrets and tokens.
 */
@Version("0.1.0")
package io.gatepass.spi;

import org.osgi.annotation.versioning.Version;
