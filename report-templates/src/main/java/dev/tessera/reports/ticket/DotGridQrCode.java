package dev.tessera.reports.ticket;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.ChecksumException;
import com.google.zxing.EncodeHintType;
import com.google.zxing.FormatException;
import com.google.zxing.LuminanceSource;
import com.google.zxing.NotFoundException;
import com.google.zxing.PlanarYUVLuminanceSource;
import com.google.zxing.WriterException;
import com.google.zxing.Binarizer;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import com.google.zxing.qrcode.encoder.QRCode;
import dev.tessera.reports.ReportException;
import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.imageio.ImageIO;

/**
 * A QR code drawn on a printer's own dot grid (issue 19): a 1-bit image one pixel per printer dot, each module a
 * whole number of dots, so no module edge falls between two dots and gets rounded differently from the next. The
 * image fills a box of the layout exactly; the symbol sits near its middle, with its quiet zone. Every symbol is read
 * back from its dots before it is printed.
 *
 * <p>Four dots a module, and the quiet zone's corner on a multiple of eight dots from the box's corner: measured with
 * 5 % of the black dots lost and a 1-dot blur (PrintedQrCodeScanTest), a local-threshold reader (ZXing's, which
 * thresholds 8 x 8 pixel blocks against their neighbours' darkness) reads 99.3 % of tickets so drawn, and fewer with
 * larger modules (5 dots 98.9 %, 6: 97.6 %, 8: 95.9 %: a lost dot in a large black area is lighter than the area's own
 * threshold) or with the grid four dots off the blocks (96.8 %). Four dots are 0.50 mm at 203 dpi and 0.34 mm at 300.
 *
 * <p>Error correction is Q (25 % of the codewords may be lost, M restores 15 %): a paper ticket is folded, scuffed
 * in a pocket and printed by a thermal head that may have a dead element; the Base45 paper code saves what Q
 * costs, so a typical ticket's symbol is about the size the older base64 made at M.
 */
public final class DotGridQrCode {
    public static final ErrorCorrectionLevel ERROR_CORRECTION = ErrorCorrectionLevel.Q;
    /** ISO/IEC 18004 asks for four modules of light margin on every side. */
    public static final int QUIET_ZONE_MODULES = 4;
    /** Below three dots a module's one-dot edge error is a third of it; the layout has to give more room. */
    public static final int MIN_DOTS_PER_MODULE = 3;
    /** Larger modules read worse through print noise (see the class comment). */
    public static final int MAX_DOTS_PER_MODULE = 4;
    /** The symbol's corner lies on this grid of dots from the box's corner (the reader's threshold blocks). */
    public static final int GRID_DOTS = 8;

    private static final int WHITE = 1;
    private static final int BLACK = 0;

    private final QRCode symbol;
    private final int dotsPerModule;
    private final BufferedImage image;

    private DotGridQrCode(QRCode symbol, int dotsPerModule, BufferedImage image) {
        this.symbol = symbol;
        this.dotsPerModule = dotsPerModule;
        this.image = image;
    }

    /**
     * The largest whole number of dots per module up to {@link #MAX_DOTS_PER_MODULE} whose symbol and quiet zone fit
     * a box of the given size in printer dots, under the first mask pattern that both kinds of scanner read back from
     * these very dots (see {@link #readBack()}).
     *
     * @throws ReportException if the text does not fit the box at {@link #MIN_DOTS_PER_MODULE}, or no mask reads
     */
    public static DotGridQrCode fit(String text, int boxWidthDots, int boxHeightDots) {
        Objects.requireNonNull(text, "text");
        QRCode chosen = encode(text, null);
        // ZXing's detector misses about 2 % of perfectly drawn symbols (data it takes for a finder pattern, whatever
        // the module size); another of the eight masks ISO/IEC 18004 allows moves that data, so print one it reads
        List<Integer> masks = new ArrayList<>(List.of(chosen.getMaskPattern()));
        for (int mask = 0; mask < QRCode.NUM_MASK_PATTERNS; mask++) {
            if (mask != chosen.getMaskPattern()) {
                masks.add(mask);
            }
        }
        for (int mask : masks) {
            QRCode symbol = mask == chosen.getMaskPattern() ? chosen : encode(text, mask);
            DotGridQrCode drawn = draw(symbol, boxWidthDots, boxHeightDots);
            if (text.equals(drawn.readBack())) {
                return drawn;
            }
        }
        throw new ReportException("The ticket's QR code could not be drawn so that a scanner reads it back.");
    }

    private static QRCode encode(String text, Integer mask) {
        try {
            return mask == null ? Encoder.encode(text, ERROR_CORRECTION)
                    : Encoder.encode(text, ERROR_CORRECTION, Map.of(EncodeHintType.QR_MASK_PATTERN, mask));
        } catch (WriterException e) {
            throw new ReportException("The ticket's code is too long for a QR code.", e);
        }
    }

    private static DotGridQrCode draw(QRCode symbol, int boxWidthDots, int boxHeightDots) {
        ByteMatrix matrix = symbol.getMatrix();
        int modulesWithQuietZone = matrix.getWidth() + 2 * QUIET_ZONE_MODULES;
        int dotsPerModule = Math.min(MAX_DOTS_PER_MODULE, Math.min(boxWidthDots, boxHeightDots) / modulesWithQuietZone);
        if (dotsPerModule < MIN_DOTS_PER_MODULE) {
            throw new ReportException("The ticket's QR code (%d modules) does not fit its %d x %d dot box at %d dots a module."
                    .formatted(modulesWithQuietZone, boxWidthDots, boxHeightDots, MIN_DOTS_PER_MODULE));
        }
        BufferedImage image = new BufferedImage(boxWidthDots, boxHeightDots, BufferedImage.TYPE_BYTE_BINARY);
        WritableRaster raster = image.getRaster();
        int[] white = new int[boxWidthDots * boxHeightDots];
        Arrays.fill(white, WHITE);
        raster.setSamples(0, 0, boxWidthDots, boxHeightDots, 0, white);
        // whole-dot offsets: the symbol's grid is the box's grid, which the layout puts on the printer's
        int left = corner(boxWidthDots, modulesWithQuietZone * dotsPerModule) + QUIET_ZONE_MODULES * dotsPerModule;
        int top = corner(boxHeightDots, modulesWithQuietZone * dotsPerModule) + QUIET_ZONE_MODULES * dotsPerModule;
        int[] module = new int[dotsPerModule * dotsPerModule];
        Arrays.fill(module, BLACK);
        for (int y = 0; y < matrix.getHeight(); y++) {
            for (int x = 0; x < matrix.getWidth(); x++) {
                if (matrix.get(x, y) == 1) {
                    raster.setSamples(left + x * dotsPerModule, top + y * dotsPerModule, dotsPerModule, dotsPerModule,
                            0, module);
                }
            }
        }
        return new DotGridQrCode(symbol, dotsPerModule, image);
    }

    /** Where the quiet zone's corner goes: the middle of the box, rounded down to {@link #GRID_DOTS}. */
    static int corner(int boxDots, int symbolDots) {
        int middle = (boxDots - symbolDots) / 2;
        return middle - middle % GRID_DOTS;
    }

    /**
     * What both kinds of scanner read from the dots, each with one binarizer and one try: a fixed gate scanner that
     * lights the ticket itself (ZXing's global-histogram threshold) and a phone camera in uneven light (ZXing's
     * local-threshold one); null unless both read the same text.
     */
    private String readBack() {
        int width = image.getWidth();
        int height = image.getHeight();
        int[] samples = image.getRaster().getSamples(0, 0, width, height, 0, (int[]) null);
        byte[] luminance = new byte[samples.length];
        for (int i = 0; i < samples.length; i++) {
            luminance[i] = (byte) (samples[i] == WHITE ? 0xFF : 0);
        }
        LuminanceSource dots = new PlanarYUVLuminanceSource(luminance, width, height, 0, 0, width, height, false);
        String fixedScanner = read(new GlobalHistogramBinarizer(dots));
        return fixedScanner != null && fixedScanner.equals(read(new HybridBinarizer(dots))) ? fixedScanner : null;
    }

    private static String read(Binarizer binarizer) {
        try {
            return new QRCodeReader().decode(new BinaryBitmap(binarizer)).getText();
        } catch (NotFoundException | ChecksumException | FormatException e) {
            return null;
        }
    }

    public int version() {
        return symbol.getVersion().getVersionNumber();
    }

    /** Modules on a side, quiet zone not counted. */
    public int modules() {
        return symbol.getMatrix().getWidth();
    }

    public int dotsPerModule() {
        return dotsPerModule;
    }

    public int maskPattern() {
        return symbol.getMaskPattern();
    }

    public ErrorCorrectionLevel errorCorrection() {
        return symbol.getECLevel();
    }

    public String mode() {
        return symbol.getMode().name();
    }

    /** The box, one pixel per printer dot: 0 black, 1 white. */
    public BufferedImage image() {
        return image;
    }

    /** A lossless 1-bit PNG of {@link #image()}, as the template embeds it (Jasper would JPEG-encode an AWT image). */
    public byte[] png() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "png", out)) {
                throw new IllegalStateException("this Java has no PNG writer");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("a PNG to memory failed", e);
        }
        return out.toByteArray();
    }
}
