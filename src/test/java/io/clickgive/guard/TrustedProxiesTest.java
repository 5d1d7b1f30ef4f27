package io.clickgive.guard;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TrustedProxiesTest {

    private final TrustedProxies proxies = new TrustedProxies(List.of("10.0.0.0/8", "127.0.0.1", "fd00::/8"));

    @Test
    void withoutATrustedPeerTheHeaderIsIgnored() {
        assertEquals("198.51.100.7", proxies.client("198.51.100.7", "1.2.3.4"));
    }

    @Test
    void rightmostUntrustedHopIsTheClient() {
        assertEquals("203.0.113.9", proxies.client("10.1.2.3", "203.0.113.9"));
        assertEquals("203.0.113.9", proxies.client("127.0.0.1", "203.0.113.9, 10.4.4.4"));
    }

    @Test
    void clientCannotPickItsBucketByPrependingHops() {
        assertEquals("203.0.113.9", proxies.client("10.1.2.3", "6.6.6.6, 7.7.7.7, 203.0.113.9, 10.9.9.9"));
    }

    @Test
    void garbageHopsStopTheWalk() {
        assertEquals("203.0.113.9", proxies.client("10.1.2.3", "evil.example, 203.0.113.9"));
        assertEquals("10.1.2.3", proxies.client("10.1.2.3", "not-an-address"));
        assertEquals("10.1.2.3", proxies.client("10.1.2.3", " "));
    }

    @Test
    void ipv6BlocksMatch() {
        assertEquals("2001:db8::1", proxies.client("fd12::5", "2001:db8::1"));
    }

    @Test
    void badBlocksAreRefusedAtStart() {
        assertThrows(IllegalArgumentException.class, () -> new TrustedProxies(List.of("10.0.0.0/33")));
        assertThrows(IllegalArgumentException.class, () -> new TrustedProxies(List.of("proxy.local")));
    }
}
