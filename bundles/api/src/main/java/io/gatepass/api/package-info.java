/**
 * The services Gatepass offers to the rest of the server: the client app registry, its value
 * types, its exceptions and the Event Admin topics it posts on.
 */
@Version("0.1.0")
package io.gatepass.api;

import org.osgi.annotation.versioning.Version;
