package dev.tessera.center.http;

/** An RFC 9457 problem document: {@code application/problem+json}. */
public record Problem(String type, String title, int status, String detail, String instance) {
    public static final String CONTENT_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://tessera.dev/problems/";

    public static Problem of(ApiException e, String instance) {
        return new Problem(TYPE_BASE + e.type(), e.title(), e.status(), e.getMessage(), instance);
    }
}
