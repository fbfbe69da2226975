package dev.tessera.reports.support;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;

/** Reads a QR code from a rendered page, as a gate camera would read the printed ticket. */
public final class QrCodes {
    private QrCodes() {}

    public static String decode(Path png) throws IOException, NotFoundException {
        BufferedImage image = ImageIO.read(png.toFile());
        try {
            return decode(image);
        } catch (com.google.zxing.ChecksumException | com.google.zxing.FormatException e) {
            throw new IOException("the QR code on " + png + " does not decode", e);
        }
    }

    /**
     * Like a gate scanner, tries the local-threshold binarizer first and a global histogram second (grey module edges
     * of a print at printer resolution can defeat one and not the other).
     */
    public static String decode(BufferedImage image)
            throws NotFoundException, com.google.zxing.ChecksumException, com.google.zxing.FormatException {
        BufferedImageLuminanceSource source = new BufferedImageLuminanceSource(image);
        Map<DecodeHintType, Object> hints = Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE);
        try {
            return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)), hints).getText();
        } catch (NotFoundException | com.google.zxing.ChecksumException | com.google.zxing.FormatException first) {
            Result second = new QRCodeReader().decode(new BinaryBitmap(new GlobalHistogramBinarizer(source)), hints);
            return second.getText();
        }
    }
}
