package io.gatepass.api;

/** Where a grant stands now. */
public enum GrantStatus {

    /** Its access token works and its refresh token can refresh. */
    ACTIVE,

    /** Its access token has expired; its refresh token can still get a new one. */
    ACCESS_EXPIRED,

    /** Its refresh token has expired (absolute lifetime or idle timeout): nothing works. */
    EXPIRED,

    /** Revoked by an administrator, by the app, by deleting the app, or by reuse detection. */
    REVOKED,

    /** Its app is disabled: its tokens fail until the app is enabled again. */
    APP_DISABLED
}
