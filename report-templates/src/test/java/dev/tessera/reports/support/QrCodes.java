package dev.tessera.reports.support;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.ChecksumException;
import com.google.zxing.FormatException;
import com.google.zxing.NotFoundException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Reads a QR code from a rendered page as a gate scanner reads the printed ticket: one try, one binarizer (the
 * local-threshold one), no second chance, so a code that only a fallback reads fails here.
 */
public final class QrCodes {
    private QrCodes() {}

    public static String decode(Path png) throws IOException {
        BufferedImage image = ImageIO.read(png.toFile());
        try {
            return decode(image);
        } catch (NotFoundException | ChecksumException | FormatException e) {
            throw new IOException("the QR code on " + png + " does not decode", e);
        }
    }

    public static String decode(BufferedImage image) throws NotFoundException, ChecksumException, FormatException {
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
        return new QRCodeReader().decode(bitmap).getText();
    }

    /**
     * As a fixed gate scanner that lights the ticket itself reads it: one try, one binarizer, the global-histogram
     * threshold (one threshold for the whole image, which even light allows).
     */
    public static String decodeUnderEvenLight(BufferedImage image)
            throws NotFoundException, ChecksumException, FormatException {
        BinaryBitmap bitmap = new BinaryBitmap(new GlobalHistogramBinarizer(new BufferedImageLuminanceSource(image)));
        return new QRCodeReader().decode(bitmap).getText();
    }
}
