package io.clickgive.share;

import jakarta.enterprise.context.ApplicationScoped;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.font.TextAttribute;
import java.awt.font.TextLayout;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.AttributedString;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Renders share images (OpenGraph, 1200 × 630 PNG) on the server with Java2D: its text layout shapes Arabic (joined
 * letters) and lays it right to left, so a link shared in Arabic shows Arabic as it is read. The fonts are DejaVu Sans,
 * shipped in the app (resources/fonts, their licence beside them): the image never depends on what the host has.
 * Rendering costs tens of milliseconds, so each image is kept until its card changes: a flood of requests for the same
 * card renders it once; the cache holds one image per key (a campaign and a language, say), and at most
 * {@link #KEPT} keys.
 */
@ApplicationScoped
public class ShareImages {

    public static final int WIDTH = 1200;
    public static final int HEIGHT = 630;

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private static final Color BRAND = new Color(0x0b, 0x6e, 0x4f);
    private static final Color BRAND_DARK = new Color(0x07, 0x4d, 0x37);
    private static final Color INK = Color.WHITE;
    private static final Color SOFT = new Color(0xd8, 0xf0, 0xe6);

    /** A key's image is drawn again at most this often, however fast its figure moves (a live total). */
    static final Duration FRESH = Duration.ofMinutes(1);

    private final Font regular = font("fonts/DejaVuSans.ttf");
    private final Font bold = font("fonts/DejaVuSans-Bold.ttf");
    /** At most this many images are kept, the least recently used going first. */
    static final int KEPT = 2_000;

    private final Map<String, Rendered> cache = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Rendered> eldest) {
                    return size() > KEPT;
                }
            });
    private final Clock clock;

    private record Rendered(ShareCard card, byte[] png, Instant at) {
    }

    public ShareImages(Clock clock) {
        this.clock = clock;
    }

    /**
     * The PNG of {@code card} under {@code key}: the kept one while the card is the same, or while it is less than
     * {@link #FRESH} old (a live total moves every second; its image need not).
     */
    public byte[] png(String key, ShareCard card) {
        Instant now = clock.instant();
        Rendered kept = cache.get(key);
        if (kept != null && (kept.card().equals(card) || kept.at().plus(FRESH).isAfter(now)
                && kept.card().lang().equals(card.lang()) && kept.card().title().equals(card.title()))) {
            return kept.png();
        }
        Rendered fresh = new Rendered(card, render(card), now);
        cache.put(key, fresh);
        return fresh.png();
    }

    /** Whether the fonts can draw every character of {@code text} (they cover Arabic, Latin and digits). */
    public boolean canDraw(String text) {
        return regular.canDisplayUpTo(text) == -1 && bold.canDisplayUpTo(text) == -1;
    }

    byte[] render(ShareCard card) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setColor(BRAND);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            g.setColor(BRAND_DARK);
            g.fillRect(0, HEIGHT - 110, WIDTH, 110);
            int margin = 72;
            line(g, card, card.title(), bold.deriveFont(52f), INK, margin, 130);
            line(g, card, card.figure(), bold.deriveFont(128f), INK, margin, 330);
            line(g, card, card.caption(), regular.deriveFont(40f), SOFT, margin, 405);
            line(g, card, card.foot(), regular.deriveFont(34f), INK, margin, HEIGHT - 45);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * One line of text, laid out by the JDK (shaping, bidi), from the reading side: right-aligned in Arabic, left in
     * French and English, shrunk until it fits the width.
     */
    private static void line(Graphics2D g, ShareCard card, String text, Font font, Color color, int margin, int baseline) {
        if (text == null || text.isBlank()) {
            return;
        }
        FontRenderContext context = g.getFontRenderContext();
        TextLayout layout = layout(text, font, card.rightToLeft(), context);
        float size = font.getSize2D();
        while (layout.getAdvance() > WIDTH - 2 * margin && size > 18) {
            size -= 4;
            layout = layout(text, font.deriveFont(size), card.rightToLeft(), context);
        }
        float x = card.rightToLeft() ? WIDTH - margin - layout.getAdvance() : margin;
        g.setColor(color);
        layout.draw(g, x, baseline);
    }

    static TextLayout layout(String text, Font font, boolean rightToLeft, FontRenderContext context) {
        AttributedString attributed = new AttributedString(text);
        attributed.addAttribute(TextAttribute.FONT, font);
        attributed.addAttribute(TextAttribute.RUN_DIRECTION,
                rightToLeft ? TextAttribute.RUN_DIRECTION_RTL : TextAttribute.RUN_DIRECTION_LTR);
        return new TextLayout(attributed.getIterator(), context);
    }

    private static Font font(String path) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + path);
            }
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException | FontFormatException e) {
            throw new IllegalStateException("Cannot load " + path, e);
        }
    }
}
