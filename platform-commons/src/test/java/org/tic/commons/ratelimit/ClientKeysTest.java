package org.tic.commons.ratelimit;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ClientKeysTest {

    @Test
    void aClientCredentialsTokenIsKeyedByItsClient() {
        // Keycloak: sub is the client's service-account user, azp and client_id the client
        assertEquals("client:acme-sync", ClientKeys.ofToken("5f1c-user-id", "acme-sync", "acme-sync", "service-account-acme-sync"));
        assertEquals("client:acme-sync", ClientKeys.ofToken("5f1c-user-id", "acme-sync", null, "service-account-acme-sync"));
        assertEquals("client:acme-sync", ClientKeys.ofToken("5f1c-user-id", null, "acme-sync", null));
        assertEquals("client:acme-sync", ClientKeys.ofToken("5f1c-user-id", null, null, "service-account-acme-sync"));
    }

    @Test
    void aPersonsTokenIsKeyedBySubjectNotByTheApplicationTheyUsed() {
        String alice = ClientKeys.ofToken("alice-id", "tic-dashboard", null, "alice");
        String bob = ClientKeys.ofToken("bob-id", "tic-dashboard", null, "bob");
        assertEquals("sub:alice-id", alice);
        assertNotEquals(alice, bob);
        assertEquals("sub:carol", ClientKeys.ofToken("carol", null, null, null));
    }

    @Test
    void withoutATokenTheConnectionsAddressIsTheKeyAndXForwardedForIsIgnoredByDefault() {
        assertEquals("addr:10.1.2.3", ClientKeys.ofAddress("10.1.2.3", List.of("203.0.113.9"), false));
        assertEquals("addr:10.1.2.3", ClientKeys.ofAddress("10.1.2.3", null, false));
        assertEquals("addr:unknown", ClientKeys.ofAddress(null, null, false));
    }

    @Test
    void behindATrustedProxyTheLastForwardedEntryIsTheKey() {
        // the client may send any X-Forwarded-For; the trusted proxy appends the address it saw
        assertEquals("addr:198.51.100.7", ClientKeys.ofAddress("10.0.0.5", List.of("1.2.3.4, 198.51.100.7"), true));
        assertEquals("addr:198.51.100.7", ClientKeys.ofAddress("10.0.0.5", List.of("1.2.3.4", "198.51.100.7"), true));
        assertEquals("addr:198.51.100.7", ClientKeys.ofAddress("10.0.0.5", List.of("198.51.100.7:51234"), true));
        assertEquals("addr:10.0.0.5", ClientKeys.ofAddress("10.0.0.5", List.of(), true));
        assertEquals("addr:10.0.0.5", ClientKeys.ofAddress("10.0.0.5", List.of("1.2.3.4, unknown"), true),
                "an entry that is not an address falls back to the connection's address");
        assertEquals("addr:10.0.0.5", ClientKeys.ofAddress("10.0.0.5", List.of("x".repeat(500)), true));
    }

    @Test
    void ipv6CallersAreKeyedByTheirSlash64() {
        String a = ClientKeys.ofAddress("2001:db8:1:2:aaaa:bbbb:cccc:dddd", null, false);
        String b = ClientKeys.ofAddress("2001:0db8:0001:0002::1", null, false);
        assertEquals("addr:2001:db8:1:2::/64", a);
        assertEquals(a, b);
        assertNotEquals(a, ClientKeys.ofAddress("2001:db8:1:3::1", null, false));
        assertEquals("addr:2001:db8:1:2::/64", ClientKeys.ofAddress("10.0.0.5", List.of("[2001:db8:1:2::7]:443"), true));
        assertEquals("addr:fe80:0:0:0::/64", ClientKeys.ofAddress("fe80::1%eth0", null, false));
    }

    @Test
    void loopbackAndIpv4MappedAddressesStayThemselves() {
        assertEquals("::1", ClientKeys.normalize("0:0:0:0:0:0:0:1"));
        assertEquals("::1", ClientKeys.normalize("::1"));
        assertEquals("192.0.2.1", ClientKeys.normalize("::ffff:192.0.2.1"));
        assertEquals("192.0.2.1", ClientKeys.normalize("0:0:0:0:0:ffff:c000:201"));
    }

    @Test
    void whatIsNotAnAddressIsNoKey() {
        assertNull(ClientKeys.normalize("evil.example.com"));
        assertNull(ClientKeys.normalize("1::2::3"));
        assertNull(ClientKeys.normalize("1:2:3:4:5:6:7:8:9"));
        assertNull(ClientKeys.normalize("12345::1"));
        assertNull(ClientKeys.normalize(""));
    }
}
