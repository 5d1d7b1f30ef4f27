package io.clickgive.console;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import io.agroal.api.AgroalDataSource;
import io.clickgive.Count;
import io.clickgive.Distribution;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The distributor's phone: its queued actions arrive once each however often they are sent, with the proof of each
 * delivery kept and shown to managers; what the server refuses is refused the same way every time, and nothing of it
 * is kept. The labels it scans carry serial and IMEI in a QR code that decodes.
 */
@QuarkusTest
class FieldTest {

    @Inject
    AgroalDataSource db;

    /** A signed-in distributor's phone: its console cookie and form token. */
    private record Phone(ConsoleClient console, String token) {

        static Phone of(String user) {
            ConsoleClient console = ConsoleClient.signIn(user, Distribution.USER_PASSWORD);
            String token = console.request().get("/console/field/data").then().statusCode(200)
                    .extract().path("csrf");
            return new Phone(console, token);
        }

        Response send(Map<String, Object> action) {
            return console.request().header("X-CSRF-Token", token).contentType(ContentType.JSON).body(action)
                    .post("/console/field/actions");
        }
    }

    @Test
    void aDeliveryArrivesOnceWithItsProofHoweverOftenItIsSent() throws Exception {
        Distribution.Prepared prepared = Distribution.assignedCampaign(1_000, 2);
        Phone phone = Phone.of(prepared.user());
        phone.console().request().get("/console/field/data").then().statusCode(200)
                .body("tablets.serial", hasItems(prepared.serials().toArray()))
                .body("tablets[0].bundleFor", equalTo(prepared.school()));
        String serial = prepared.serials().get(0);
        byte[] signature = image("png", 300, 120);
        byte[] photo = image("jpeg", 640, 480);
        Map<String, Object> delivery = deliver(serial, "png", signature);
        delivery.put("photo", "data:image/jpeg;base64," + Base64.getEncoder().encodeToString(photo));

        phone.send(delivery).then().statusCode(200).body("replayed", equalTo(false))
                .body("tablet.status", equalTo("DELIVERED"));
        // The answer was lost on the way back: the phone sends it again, and again at once from two tabs.
        phone.send(delivery).then().statusCode(200).body("replayed", equalTo(true));
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Callable<Integer>> again = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            again.add(() -> phone.send(delivery).statusCode());
        }
        for (Future<Integer> status : pool.invokeAll(again)) {
            assertEquals(200, status.get());
        }
        pool.shutdown();
        assertEquals(1, count("SELECT count(*) FROM tablet_event e JOIN tablet t ON t.id = e.tablet_id "
                + "WHERE t.serial = ? AND e.to_status = 'DELIVERED'", serial), "one delivery in the tablet's events");
        assertEquals(1, count("SELECT count(*) FROM delivery_proof p JOIN tablet t ON t.id = p.tablet_id "
                + "WHERE t.serial = ?", serial), "one proof");

        // The manager sees the proof in the tablet's history, as it was sent; the report counts it.
        String page = given().get("/api/manage/tablets/{serial}", serial).then().extract().path("serial");
        assertEquals(serial, page);
        ConsoleClient manager = ConsoleClient.signIn(Distribution.manager(), Distribution.USER_PASSWORD);
        String history = manager.page("/console/stock/{serial}?lang=fr", serial);
        Matcher proof = Pattern.compile("/console/stock/" + serial + "/proofs/(\\d+)/photo").matcher(history);
        assertTrue(proof.find(), "the history shows the photo");
        assertArrayEquals(signature, manager.request().get("/console/stock/{s}/proofs/{id}/signature", serial,
                proof.group(1)).then().statusCode(200).contentType("image/png").extract().asByteArray());
        assertArrayEquals(photo, manager.request().get("/console/stock/{s}/proofs/{id}/photo", serial,
                proof.group(1)).then().statusCode(200).contentType("image/jpeg").extract().asByteArray());
        manager.request().get("/console/stock/{s}/proofs/{id}/signature", prepared.serials().get(1), proof.group(1))
                .then().statusCode(404); // another tablet's proof is not reached through this one

        // A fresh action sent from six tabs at once, none answered yet: one moves the tablet, the others replay it.
        String second = prepared.serials().get(1);
        Map<String, Object> raced = deliver(second, "png", signature);
        List<Callable<Boolean>> race = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            race.add(() -> phone.send(raced).then().statusCode(200).extract().<Boolean>path("replayed"));
        }
        ExecutorService tabs = Executors.newFixedThreadPool(6);
        int first = 0;
        for (Future<Boolean> replayed : tabs.invokeAll(race)) {
            first += replayed.get() ? 0 : 1;
        }
        tabs.shutdown();
        assertEquals(1, first, "one send made the delivery");
        assertEquals(1, count("SELECT count(*) FROM tablet_event e JOIN tablet t ON t.id = e.tablet_id "
                + "WHERE t.serial = ? AND e.to_status = 'DELIVERED'", second), "one delivery of the raced tablet");
        assertEquals(1, count("SELECT count(*) FROM delivery_proof p JOIN tablet t ON t.id = p.tablet_id "
                + "WHERE t.serial = ?", second), "one proof of the raced tablet");
        given().get("/api/manage/campaigns/{slug}/report", prepared.slug()).then()
                .body("total.tabletsDelivered", equalTo(2)).body("total.tabletsDeliveredWithProof", equalTo(2));
    }

    @Test
    void aResendLongAfterTellsNothingOfWhereTheTabletWent() {
        Distribution.Prepared prepared = shipped();
        Phone phone = Phone.of(prepared.user());
        String serial = prepared.serials().get(0);
        Map<String, Object> assign = Map.of("clientId", "probe-" + UUID.randomUUID(), "kind", "ASSIGN",
                "serial", serial, "beneficiary", prepared.school());
        phone.send(assign).then().statusCode(200).body("tablet.distributor", equalTo(prepared.distributor()));
        // The tablet comes back and goes to stock; later it may go to another distributor.
        given().contentType(ContentType.JSON).body(Map.of("serials", List.of(serial)))
                .post("/api/manage/tablets/return").then().statusCode(200);
        given().contentType(ContentType.JSON).body(Map.of("serials", List.of(serial)))
                .post("/api/manage/tablets/restock").then().statusCode(200);
        phone.send(assign).then().statusCode(200).body("replayed", equalTo(true))
                .body("tablet", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void onlyTheFieldAppMayUseTheCamera() {
        Distribution.Prepared prepared = Distribution.assignedCampaign(1_000, 1);
        Phone phone = Phone.of(prepared.user());
        Response app = phone.console().request().get("/console/field/app?lang=ar");
        app.then().statusCode(200).body(containsString("<html lang=\"ar\" dir=\"rtl\">"));
        assertEquals(List.of("camera=(self), microphone=(), geolocation=()"),
                app.getHeaders().getValues("Permissions-Policy"));
        assertEquals(List.of("camera=(), microphone=(), geolocation=()"),
                phone.console().request().get("/console/tablets").getHeaders().getValues("Permissions-Policy"));
        assertEquals(List.of("camera=(), microphone=(), geolocation=()"),
                given().get("/").getHeaders().getValues("Permissions-Policy"));
    }

    @Test
    void aShippedTabletIsAssignedThenDeliveredInTheOrderTheyWereMade() {
        Distribution.Prepared prepared = shipped();
        Phone phone = Phone.of(prepared.user());
        String serial = prepared.serials().get(0);
        // Delivered before assigned: refused (a shipped tablet is not delivered), and nothing kept.
        Map<String, Object> early = deliver(serial, "png", image("png", 200, 80));
        phone.send(early).then().statusCode(409);
        phone.send(early).then().statusCode(409); // refused the same way on every resend
        phone.send(Map.of("clientId", UUID.randomUUID().toString(), "kind", "ASSIGN", "serial", serial,
                "beneficiary", prepared.school())).then().statusCode(200).body("tablet.status", equalTo("ASSIGNED"));
        phone.send(deliver(serial, "png", image("png", 200, 80))).then().statusCode(200)
                .body("tablet.status", equalTo("DELIVERED"));
        phone.send(early).then().statusCode(409); // the first answer stands, even now that it would pass
        assertEquals(0, count("SELECT count(*) FROM tablet_event e JOIN tablet t ON t.id = e.tablet_id "
                + "WHERE t.serial = ? AND e.to_status = 'DELIVERED' AND e.id < (SELECT min(id) FROM tablet_event "
                + "WHERE tablet_id = t.id AND to_status = 'ASSIGNED')", serial));
    }

    @Test
    void refusalsSayWhyAndKeepNothing() {
        Distribution.Prepared prepared = Distribution.assignedCampaign(1_000, 2);
        Distribution.Prepared other = Distribution.assignedCampaign(1_000, 1);
        Phone phone = Phone.of(prepared.user());
        String serial = prepared.serials().get(0);

        // Another distributor's tablet, or one that does not exist: the same 404, nothing revealed.
        String theirs = phone.send(deliver(other.serials().get(0), "png", image("png", 100, 50))).then()
                .statusCode(404).extract().path("detail");
        String none = phone.send(deliver("NO-SUCH-TABLET", "png", image("png", 100, 50))).then()
                .statusCode(404).extract().path("detail");
        assertEquals(theirs.replace(other.serials().get(0), "X"), none.replace("NO-SUCH-TABLET", "X"));

        // A photo too large, or not an image, or no signature: 400 with the limit or the reason.
        Map<String, Object> large = deliver(serial, "png", image("png", 100, 50));
        byte[] big = new byte[1024 * 1024 + 10];
        big[0] = (byte) 0xFF;
        big[1] = (byte) 0xD8;
        big[2] = (byte) 0xFF;
        large.put("photo", "data:image/jpeg;base64," + Base64.getEncoder().encodeToString(big));
        phone.send(large).then().statusCode(400).body("detail", containsString("at most 1048576 bytes"));
        Map<String, Object> fake = deliver(serial, "png", "not a picture".getBytes());
        phone.send(fake).then().statusCode(400).body("detail", containsString("not the image/png image"));
        Map<String, Object> unsigned = deliver(serial, "png", image("png", 100, 50));
        unsigned.remove("signature");
        phone.send(unsigned).then().statusCode(400).body("detail", containsString("signature"));
        byte[] broken = image("png", 100, 50);
        Arrays.fill(broken, 12, broken.length, (byte) 0x41); // a PNG's signature, then nothing a reader can use
        phone.send(deliver(serial, "png", broken)).then().statusCode(400)
                .body("detail", containsString("not a readable image/png image"));
        Map<String, Object> huge = deliver(serial, "png", image("png", 5000, 10));
        phone.send(huge).then().statusCode(400).body("detail", containsString("at most 4096 a side"));

        // The tablet came back while the phone was offline: the delivery is refused with the reason, nothing half-done.
        given().contentType(ContentType.JSON).body(Map.of("serials", List.of(serial), "note", "Recalled"))
                .post("/api/manage/tablets/return").then().statusCode(200);
        Map<String, Object> late = deliver(serial, "png", image("png", 100, 50));
        phone.send(late).then().statusCode(409).body("detail", containsString("cannot become DELIVERED"));
        given().get("/api/manage/tablets/{serial}", serial).then().body("status", equalTo("RETURNED"));
        assertEquals(0, count("SELECT count(*) FROM delivery_proof p JOIN tablet t ON t.id = p.tablet_id "
                + "WHERE t.serial = ?", serial));

        // The same id for another action is refused; no form token, or not a distributor: 403.
        Map<String, Object> reused = deliver(prepared.serials().get(1), "png", image("png", 100, 50));
        reused.put("clientId", late.get("clientId"));
        phone.send(reused).then().statusCode(409).body("detail", containsString("used for another action"));
        phone.console().request().contentType(ContentType.JSON).body(deliver(serial, "png", image("png", 10, 10)))
                .post("/console/field/actions").then().statusCode(403);
        ConsoleClient manager = ConsoleClient.signIn(Distribution.manager(), Distribution.USER_PASSWORD);
        manager.request().contentType(ContentType.JSON).body(deliver(serial, "png", image("png", 10, 10)))
                .post("/console/field/actions").then().statusCode(403);
        phone.console().request().header("X-CSRF-Token", phone.token()).contentType(ContentType.JSON)
                .body(Map.of("kind", "DELIVER", "serial", serial)).post("/console/field/actions")
                .then().statusCode(400).body("detail", containsString("clientId"));
    }

    @Test
    void labelsCarryTheSerialAndImeiInAQrCodeThatDecodes() throws Exception {
        List<String> serials = Distribution.tablets(2);
        ConsoleClient manager = ConsoleClient.signIn(Distribution.manager(), Distribution.USER_PASSWORD);
        String sheet = manager.request().queryParam("serial", serials.get(0)).queryParam("serial", serials.get(1))
                .get("/console/stock/labels").then().statusCode(200).extract().asString();
        Matcher qr = Pattern.compile("viewBox=\"0 0 (\\d+) \\d+\".*?<path d=\"([^\"]+)\"").matcher(sheet);
        for (String serial : serials) {
            assertTrue(qr.find(), "a QR code for " + serial);
            String imei = given().get("/api/manage/tablets/{serial}", serial).then().extract().path("imei");
            assertEquals(serial + " " + imei, decode(Integer.parseInt(qr.group(1)), qr.group(2)));
            assertTrue(sheet.contains("IMEI " + imei));
        }
        manager.request().get("/console/stock/labels").then().statusCode(400);
    }

    /** Reads a label's QR code back from the SVG path the page drew, with ZXing's decoder. */
    private static String decode(int size, String path) throws Exception {
        int scale = 4;
        int[] pixels = new int[size * scale * size * scale];
        Arrays.fill(pixels, 0xFFFFFFFF);
        Matcher module = Pattern.compile("M(\\d+),(\\d+)h1v1h-1z").matcher(path);
        while (module.find()) {
            int x = Integer.parseInt(module.group(1));
            int y = Integer.parseInt(module.group(2));
            for (int dy = 0; dy < scale; dy++) {
                for (int dx = 0; dx < scale; dx++) {
                    pixels[(y * scale + dy) * size * scale + x * scale + dx] = 0xFF000000;
                }
            }
        }
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(size * scale, size * scale, pixels)))).getText();
    }

    /** Tablets shipped to a distributor, not yet assigned. */
    private static Distribution.Prepared shipped() {
        Distribution.Allocated allocated = Distribution.allocatedCampaign("field", 1_000, 1);
        String distributor = Distribution.distributor("MA-07");
        String user = Distribution.distributorUser(distributor);
        given().contentType(ContentType.JSON).body(Map.of("serials", allocated.serials(), "allocation",
                allocated.allocation())).post("/api/manage/tablets/preload").then().statusCode(200);
        given().contentType(ContentType.JSON).body(Map.of("serials", allocated.serials(), "distributor", distributor))
                .post("/api/manage/tablets/ship").then().statusCode(200);
        return new Distribution.Prepared(allocated.slug(), allocated.school(), distributor, user, allocated.serials());
    }

    private static Map<String, Object> deliver(String serial, String type, byte[] signature) {
        Map<String, Object> action = new HashMap<>(Map.of("clientId", UUID.randomUUID().toString(), "kind", "DELIVER",
                "serial", serial, "deliveredOn", LocalDate.now().minusDays(1).toString(), "recipient", "Directrice",
                "madeAt", "2026-12-01T10:00:00Z"));
        action.put("signature", "data:image/" + type + ";base64," + Base64.getEncoder().encodeToString(signature));
        return action;
    }

    private static byte[] image(String format, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < width; x++) {
            image.setRGB(x, (x * 7) % height, 0x336699);
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, format, out);
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private long count(String sql, String... serials) {
        return new Count(db).of(sql, serials);
    }
}
