package dev.tessera.designer.render;

import javafx.scene.paint.Color;

/** Conversions between the format's {@code #RRGGBB}, opaque ARGB ints and JavaFX colours. */
public final class Colors {
    private Colors() {}

    /** {@code #RRGGBB} to opaque ARGB; anything unreadable is a neutral grey. */
    public static int argb(String hex) {
        if (hex == null || hex.length() != 7 || hex.charAt(0) != '#') {
            return 0xFF9E9E9E;
        }
        try {
            return 0xFF000000 | Integer.parseInt(hex.substring(1), 16);
        } catch (NumberFormatException notHex) {
            return 0xFF9E9E9E;
        }
    }

    public static Color fx(int argb) {
        return Color.rgb((argb >> 16) & 0xFF, (argb >> 8) & 0xFF, argb & 0xFF, ((argb >>> 24) & 0xFF) / 255.0);
    }

    public static String hex(Color color) {
        return String.format("#%02X%02X%02X", Math.round(color.getRed() * 255), Math.round(color.getGreen() * 255),
                Math.round(color.getBlue() * 255));
    }

    /** Mixes two opaque colours; t = 0 gives a, 1 gives b. */
    public static int mix(int a, int b, double t) {
        double u = Math.max(0, Math.min(1, t));
        int r = (int) Math.round(((a >> 16) & 0xFF) * (1 - u) + ((b >> 16) & 0xFF) * u);
        int g = (int) Math.round(((a >> 8) & 0xFF) * (1 - u) + ((b >> 8) & 0xFF) * u);
        int bl = (int) Math.round((a & 0xFF) * (1 - u) + (b & 0xFF) * u);
        return 0xFF000000 | r << 16 | g << 8 | bl;
    }

    /** A paler version, for seats that are not for sale. */
    public static int pale(int argb) {
        return mix(argb, 0xFFFFFFFF, 0.65);
    }
}
