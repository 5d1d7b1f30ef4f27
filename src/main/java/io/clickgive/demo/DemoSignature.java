package io.clickgive.demo;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;

/** A recipient's signature for the demo's deliveries: a stroke drawn from the name, as a PNG data URL. */
final class DemoSignature {

    private DemoSignature() {
    }

    static String png(String name) {
        BufferedImage image = new BufferedImage(600, 220, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 600, 220);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(0x11, 0x11, 0x11));
        g.setStroke(new BasicStroke(3, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        Path2D stroke = new Path2D.Double();
        stroke.moveTo(40, 140);
        for (int i = 0; i < name.length(); i++) {
            double x = 40 + (i + 1) * 500.0 / name.length();
            stroke.quadTo(x - 20, 60 + (name.charAt(i) % 7) * 18, x, 140 - (name.charAt(i) % 5) * 10);
        }
        g.draw(stroke);
        g.dispose();
        try {
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(image, "png", png);
            return "data:image/png;base64," + Base64.getEncoder().encodeToString(png.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
