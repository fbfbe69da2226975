package dev.tessera.reports.support;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
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

    public static String decode(BufferedImage image)
            throws NotFoundException, com.google.zxing.ChecksumException, com.google.zxing.FormatException {
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
        Result result = new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE));
        return result.getText();
    }
}
