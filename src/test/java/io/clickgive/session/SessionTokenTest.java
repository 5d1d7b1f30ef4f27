package io.clickgive.session;

import io.clickgive.web.ClientError;
import io.clickgive.crypto.Hmac;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SessionTokenTest {

    private static final Hmac KEY = new Hmac("a-key-of-at-least-thirty-two-bytes!");
    private static final SessionToken TOKEN = new SessionToken("AbC-_123", 42, 3, 1_000, 11_000, 160, "MA-06", "pLaYeR", "nEtWoRk", 7);

    @Test
    void signedTokenVerifiesToTheSameClaims() {
        assertEquals(TOKEN, SessionToken.verify(TOKEN.sign(KEY), List.of(KEY)));
    }

    @Test
    void everyAlteredFieldBreaksTheSignature() {
        String signed = TOKEN.sign(KEY);
        String[] fields = signed.split("\\.");
        for (int i = 1; i < fields.length; i++) {
            String[] altered = fields.clone();
            altered[i] = altered[i] + "1";
            String token = String.join(".", altered);
            ClientError error = assertThrows(ClientError.class, () -> SessionToken.verify(token, List.of(KEY)), "field " + i);
            assertEquals(401, error.status());
        }
    }

    @Test
    void anotherKeyIsRefused() {
        String signed = TOKEN.sign(KEY);
        assertThrows(ClientError.class, () -> SessionToken.verify(signed, List.of(new Hmac("another-key"))));
    }

    @Test
    void malformedTokensAreRefused() {
        for (String token : new String[]{null, "", "v1", "v2.a.1.0.1.2.3.-.p.mac", "x".repeat(600)}) {
            assertThrows(ClientError.class, () -> SessionToken.verify(token, List.of(KEY)));
        }
    }

    @Test
    void tokenOfThePreviousKeyIsAcceptedDuringRotationOnly() {
        Hmac previous = new Hmac("the-key-before-the-rotation-0123456789");
        String old = TOKEN.sign(previous);
        assertEquals(TOKEN, SessionToken.verify(old, List.of(KEY, previous)));
        assertThrows(ClientError.class, () -> SessionToken.verify(old, List.of(KEY)));
    }
}
