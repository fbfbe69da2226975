package dev.tessera.contract.problem;

/**
 * An RFC 9457 problem document: {@code application/problem+json}, how the center answers every failure; {@code type}
 * is {@link #TYPE_BASE} followed by the refusal's code (such as {@code seat-unavailable}).
 */
public record Problem(String type, String title, int status, String detail, String instance) {
    public static final String CONTENT_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://tessera.dev/problems/";
}
