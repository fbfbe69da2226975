package dev.tessera.installer;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Draws Tessera's application icon (a teal ticket with a punched seat grid) as a 256 px PNG for
 * jpackage's menu entry. Build step: {@code IconPainter <output.png>}.
 */
public final class IconPainter {
    static final int SIZE = 256;
    private static final Color TEAL = new Color(0x0B, 0x72, 0x85);
    private static final Color INK = new Color(0x10, 0x2A, 0x43);

    private IconPainter() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: IconPainter <output.png>");
        }
        Path out = Path.of(args[0]);
        Files.createDirectories(out.toAbsolutePath().getParent());
        ImageIO.write(paint(), "png", out.toFile());
    }

    static BufferedImage paint() {
        BufferedImage image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(TEAL);
        g.fill(new RoundRectangle2D.Double(16, 48, 224, 160, 36, 36));
        // the ticket's notches
        g.setComposite(java.awt.AlphaComposite.Clear);
        g.fill(new Ellipse2D.Double(0, 108, 40, 40));
        g.fill(new Ellipse2D.Double(216, 108, 40, 40));
        g.setComposite(java.awt.AlphaComposite.SrcOver);
        g.setColor(new Color(255, 255, 255, 150));
        g.setStroke(new BasicStroke(4, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1, new float[] {8, 10}, 0));
        g.drawLine(176, 64, 176, 192);
        // a 3 x 3 seat grid: the mosaic tiles a tessera is named after
        for (int row = 0; row < 3; row++) {
            for (int col = 0; col < 3; col++) {
                g.setColor(row == 1 && col == 1 ? new Color(0xF5, 0x9F, 0x00) : Color.WHITE);
                g.fill(new RoundRectangle2D.Double(52 + col * 38, 74 + row * 38, 28, 28, 8, 8));
            }
        }
        g.setColor(INK);
        g.fill(new RoundRectangle2D.Double(190, 96, 20, 64, 8, 8));
        g.dispose();
        return image;
    }
}
