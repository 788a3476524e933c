/**
 * For connector bundles that call a Gatepass-protected server: a {@link io.gatepass.client.ManagedToken}
 * per configured connection hands out a valid access token and refreshes it before it expires;
 * {@link io.gatepass.client.BearerRequests} sends HTTP requests with it.
 */
@Version("0.1.0")
package io.gatepass.client;

import org.osgi.annotation.versioning.Version;
