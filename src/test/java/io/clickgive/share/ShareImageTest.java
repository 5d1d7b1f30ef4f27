package io.clickgive.share;

import io.clickgive.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.font.FontRenderContext;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A campaign's share image: a 1200 × 630 PNG per language, Arabic drawn joined and from the right, French from the
 * left; the campaign page points to it in its OpenGraph tags; unknown campaigns have none.
 */
@QuarkusTest
class ShareImageTest {

    @Inject
    ShareImages images;

    @Test
    void aCampaignsShareImageIsDrawnInItsLanguageAndTheDirectionItIsRead() throws IOException {
        String slug = Fixtures.liveCampaign("share");
        byte[] ar = png(slug, "ar");
        byte[] fr = png(slug, "fr");
        java.nio.file.Files.createDirectories(io.clickgive.Browser.SHOTS);
        java.nio.file.Files.write(io.clickgive.Browser.SHOTS.resolve("share-ar.png"), ar);
        java.nio.file.Files.write(io.clickgive.Browser.SHOTS.resolve("share-fr.png"), fr);
        BufferedImage arabic = ImageIO.read(new ByteArrayInputStream(ar));
        BufferedImage french = ImageIO.read(new ByteArrayInputStream(fr));
        assertEquals(ShareImages.WIDTH, arabic.getWidth());
        assertEquals(ShareImages.HEIGHT, arabic.getHeight());
        assertFalse(Arrays.equals(ar, fr), "each language its own image");
        // The big figure's row: Arabic ink ends at the right margin and leaves the left side clear; French the other
        // way round.
        assertTrue(ink(arabic, 1000, 1128, 240, 340) && !ink(arabic, 72, 200, 240, 340), "Arabic from the right");
        assertTrue(ink(french, 72, 200, 240, 340) && !ink(french, 1000, 1128, 240, 340), "French from the left");
        given().get("/c/{slug}?lang=ar", slug).then().statusCode(200)
                .body(containsString("<meta property=\"og:image\" content=\"http://"))
                .body(containsString("/c/" + slug + "/share.png?lang=ar\">"))
                .body(containsString("summary_large_image"));
        given().get("/c/no-such-campaign/share.png").then().statusCode(404);
    }

    @Test
    void arabicIsShapedAndLaidRightToLeft() {
        String word = "مرحبا";
        assertTrue(images.canDraw(word + " Ramadan 999,3"), "the shipped fonts draw Arabic and Latin");
        FontRenderContext context = new FontRenderContext(null, true, true);
        var shaped = ShareImages.layout(word, fontOf(), true, context);
        assertFalse(shaped.isLeftToRight());
        float isolated = 0;
        for (char c : word.toCharArray()) {
            isolated += ShareImages.layout(String.valueOf(c), fontOf(), true, context).getAdvance();
        }
        assertTrue(shaped.getAdvance() < isolated, "joined letters take less room than the same letters alone: "
                + shaped.getAdvance() + " vs " + isolated);
    }

    private java.awt.Font fontOf() {
        try (var in = Thread.currentThread().getContextClassLoader().getResourceAsStream("fonts/DejaVuSans.ttf")) {
            return java.awt.Font.createFont(java.awt.Font.TRUETYPE_FONT, in).deriveFont(48f);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] png(String slug, String lang) {
        return given().get("/c/{slug}/share.png?lang={lang}", slug, lang).then().statusCode(200)
                .contentType("image/png").extract().asByteArray();
    }

    /** Whether any pixel of the box differs from the background (the brand green). */
    private static boolean ink(BufferedImage image, int x0, int x1, int y0, int y1) {
        int background = image.getRGB(5, 5);
        for (int x = x0; x < x1; x++) {
            for (int y = y0; y < y1; y++) {
                if (image.getRGB(x, y) != background) {
                    return true;
                }
            }
        }
        return false;
    }
}
