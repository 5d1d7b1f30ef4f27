package io.clickgive.distribution;

import io.clickgive.web.ClientError;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.Iterator;

/**
 * A photo or a signature sent with a delivery, as a data URL (data:image/jpeg;base64,…): what the phone's canvas gives.
 * Checked before anything is stored: PNG or JPEG by its declared type, by its first bytes and by an image reader that
 * reads its size from the header (the pixels are never decoded here, so a small file that unpacks into a huge image
 * costs nothing); at most {@code maxBytes} bytes and {@code maxSide} pixels a side. Anything else is a 400 naming the
 * field and the limit.
 */
public record ProofImage(String type, byte[] bytes, int width, int height) {

    /** A photo: the page scales it to 1280 px and JPEG before it is queued (≈ 150–400 kB). */
    public static final int PHOTO_BYTES = 1024 * 1024;
    public static final int SIGNATURE_BYTES = 256 * 1024;
    static final int MAX_SIDE = 4096;

    public static ProofImage of(String field, String dataUrl, int maxBytes) {
        String type;
        if (dataUrl.startsWith("data:image/jpeg;base64,")) {
            type = "image/jpeg";
        } else if (dataUrl.startsWith("data:image/png;base64,")) {
            type = "image/png";
        } else {
            throw ClientError.badRequest(field + ": a PNG or JPEG image as a data URL (data:image/jpeg;base64,…)");
        }
        String base64 = dataUrl.substring(dataUrl.indexOf(',') + 1);
        // Decoded size from the text's length, before decoding: a huge text is refused without being unpacked.
        long decoded = base64.length() / 4L * 3;
        if (decoded > maxBytes + 3L) {
            throw tooLarge(field, decoded, maxBytes);
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw ClientError.badRequest(field + ": not valid base64");
        }
        return checked(field, type, bytes, maxBytes);
    }

    /**
     * An image sent as a file (a form's upload): its declared type must be PNG or JPEG and its first bytes must say
     * the same; its size and its header's dimensions are checked without decoding the pixels.
     */
    public static ProofImage checked(String field, String type, byte[] bytes, int maxBytes) {
        if (!"image/png".equals(type) && !"image/jpeg".equals(type)) {
            throw ClientError.badRequest(field + ": a PNG or JPEG image");
        }
        if (bytes.length > maxBytes) {
            throw tooLarge(field, bytes.length, maxBytes);
        }
        boolean png = bytes.length > 8 && (bytes[0] & 0xff) == 0x89 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G';
        boolean jpeg = bytes.length > 3 && (bytes[0] & 0xff) == 0xFF && (bytes[1] & 0xff) == 0xD8 && (bytes[2] & 0xff) == 0xFF;
        if (type.equals("image/png") ? !png : !jpeg) {
            throw ClientError.badRequest(field + ": the content is not the " + type + " image it says it is");
        }
        int[] size = size(field, bytes, type);
        if (size[0] < 1 || size[1] < 1 || size[0] > MAX_SIDE || size[1] > MAX_SIDE) {
            throw ClientError.badRequest(field + ": " + size[0] + " × " + size[1] + " pixels; at most " + MAX_SIDE
                    + " a side");
        }
        return new ProofImage(type, bytes, size[0], size[1]);
    }

    private static int[] size(String field, byte[] bytes, String type) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByMIMEType(type);
        if (!readers.hasNext()) {
            throw new IllegalStateException("No image reader for " + type);
        }
        ImageReader reader = readers.next();
        // In memory: ImageIO's default stream would cache in a temporary file, and a full disk is no bad image.
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            reader.setInput(in, true, true);
            return new int[] {reader.getWidth(0), reader.getHeight(0)};
        } catch (IOException | IndexOutOfBoundsException | IllegalArgumentException e) {
            // What the reader says of the bytes it was given (IIOException, and the readers' own index and argument
            // errors on a broken header): this image, not the server.
            throw ClientError.badRequest(field + ": not a readable " + type + " image");
        } finally {
            reader.dispose();
        }
    }

    private static ClientError tooLarge(String field, long size, int maxBytes) {
        return ClientError.badRequest(field + ": " + size + " bytes; at most " + maxBytes + " bytes are accepted");
    }
}
