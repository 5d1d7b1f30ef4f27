package io.clickgive.guard;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** Networks as the internet hands them out: IPv4 by address and /24, IPv6 by /64 and /48. */
class NetworksTest {

    private final Networks networks = new Networks(32, 24, 64, 48);

    @Test
    void ipv4IsTheAddressAndItsSlash24() {
        Networks.Network a = networks.of("203.0.113.7");
        assertEquals("4:cb007107/32", a.narrow());
        assertEquals("4:cb0071/24", a.wide());
        assertNotEquals(a.narrow(), networks.of("203.0.113.8").narrow());
        assertEquals(a.wide(), networks.of("203.0.113.250").wide());
        assertNotEquals(a.wide(), networks.of("203.0.114.7").wide());
    }

    @Test
    void ipv6IsItsSlash64AndSlash48() {
        Networks.Network a = networks.of("2001:db8:1:2::1");
        assertEquals(a.narrow(), networks.of("2001:db8:1:2:ffff:ffff:ffff:ffff").narrow());
        assertEquals("6:20010db800010002/64", a.narrow());
        assertNotEquals(a.narrow(), networks.of("2001:db8:1:3::1").narrow());
        assertEquals(a.wide(), networks.of("2001:db8:1:ffff::1").wide());
        assertNotEquals(a.wide(), networks.of("2001:db8:2::1").wide());
    }

    @Test
    void mappedIpv4IsIpv4() {
        assertEquals(networks.of("203.0.113.7"), networks.of("::ffff:203.0.113.7"));
    }

    @Test
    void prefixesAreConfigurable() {
        Networks coarse = new Networks(24, 16, 56, 32);
        assertEquals(coarse.of("203.0.113.7").narrow(), coarse.of("203.0.113.99").narrow());
        assertEquals("6:20010db80001/48", new Networks(32, 24, 48, 32).of("2001:db8:1:2::1").narrow());
        assertEquals("4:cb0070/20", new Networks(20, 16, 64, 48).of("203.0.113.7").narrow());
    }
}
