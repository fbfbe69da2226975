package dev.tessera.designer.model;

import java.util.Set;

/**
 * Makes new ids that no element of the document uses yet, in the format's alphabet
 * ({@code [A-Za-z0-9][A-Za-z0-9._-]{0,63}}). Ids once given are never reused in the same edit.
 */
public final class IdAllocator {
    private final Set<String> used;

    public IdAllocator(SeatDocument document) {
        this.used = document.usedIds();
    }

    /** The base cleaned to the id alphabet, with "-2", "-3", ... added until it is unused. */
    public String allocate(String base) {
        String clean = clean(base);
        String id = clean;
        int n = 2;
        while (!used.add(id)) {
            String suffix = "-" + n++;
            id = clean.substring(0, Math.min(clean.length(), 64 - suffix.length())) + suffix;
        }
        return id;
    }

    static String clean(String base) {
        StringBuilder id = new StringBuilder();
        for (char c : (base == null ? "" : base).toCharArray()) {
            boolean allowed = c < 128 && (Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '-');
            id.append(allowed ? c : '-');
        }
        while (!id.isEmpty() && !Character.isLetterOrDigit(id.charAt(0))) {
            id.deleteCharAt(0);
        }
        if (id.isEmpty()) {
            id.append("X");
        }
        return id.length() > 64 ? id.substring(0, 64) : id.toString();
    }
}
