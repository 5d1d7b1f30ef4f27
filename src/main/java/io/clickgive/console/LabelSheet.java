package io.clickgive.console;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import io.clickgive.distribution.TabletView;

import java.util.List;
import java.util.Map;

/**
 * A sheet of tablet labels to print: each with a QR code of "serial IMEI" (what the field app's scanner reads: the
 * serial first) and both written out for people. The QR code is ZXing's; this only draws its modules as one SVG path,
 * so the sheet needs no image files and prints sharp at any size.
 */
public record LabelSheet(List<Label> labels) {

    public record Label(String serial, String imei, String model, String qrPath, int qrSize) {
    }

    public static LabelSheet of(List<TabletView> tablets) {
        return new LabelSheet(tablets.stream().map(t -> {
            BitMatrix matrix = matrix(content(t.serial(), t.imei()));
            return new Label(t.serial(), t.imei(), t.model(), path(matrix), matrix.getWidth());
        }).toList());
    }

    /** What a label's QR code says. */
    public static String content(String serial, String imei) {
        return serial + " " + imei;
    }

    static BitMatrix matrix(String content) {
        try {
            // Medium error correction: a label scuffed in a truck still reads. A quiet zone of 2 modules.
            return new QRCodeWriter().encode(content, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 2));
        } catch (WriterException e) {
            throw new IllegalArgumentException("Cannot encode " + content + " as a QR code", e);
        }
    }

    /** Every dark module as a 1×1 square of one SVG path, in module units (the SVG's viewBox scales it). */
    static String path(BitMatrix matrix) {
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < matrix.getHeight(); y++) {
            for (int x = 0; x < matrix.getWidth(); x++) {
                if (matrix.get(x, y)) {
                    path.append('M').append(x).append(',').append(y).append("h1v1h-1z");
                }
            }
        }
        return path.toString();
    }
}
