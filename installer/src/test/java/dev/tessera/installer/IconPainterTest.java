package dev.tessera.installer;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class IconPainterTest {
    @Test
    void paintsASquareIconWithATransparentCornerAndAnOpaqueTicket() {
        BufferedImage icon = IconPainter.paint();
        assertThat(icon.getWidth()).isEqualTo(IconPainter.SIZE).isEqualTo(icon.getHeight());
        assertThat(icon.getRGB(2, 2) >>> 24).as("corner alpha").isZero();
        assertThat(icon.getRGB(40, 60) >>> 24).as("ticket alpha").isEqualTo(0xFF);
    }
}
