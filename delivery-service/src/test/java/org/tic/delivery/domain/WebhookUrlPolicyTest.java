package org.tic.delivery.domain;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WebhookUrlPolicyTest {

    private static final Map<String, String> DNS = Map.of(
            "partner.example.org", "93.184.215.14",
            "sneaky.example.org", "10.1.2.3",
            "metadata.example.org", "169.254.169.254",
            "v6.example.org", "2606:4700::6810:85e5",
            "ula.example.org", "fd12:3456::1",
            "mapped.example.org", "::ffff:127.0.0.1");

    private static List<InetAddress> resolve(String host) throws UnknownHostException {
        String ip = DNS.get(host);
        if (ip == null) {
            if (host.matches("[0-9.]+|[0-9a-fA-F:]+")) {
                return List.of(InetAddress.getByName(host)); // a literal resolves to itself, without DNS
            }
            throw new UnknownHostException(host);
        }
        return List.of(InetAddress.getByName(ip));
    }

    private final WebhookUrlPolicy production = new WebhookUrlPolicy(false, false, WebhookUrlPolicyTest::resolve);

    @Test
    void aPublicHttpsReceiverIsAccepted() {
        assertTrue(production.refusal("https://partner.example.org/tic/hooks?x=1").isEmpty());
        assertTrue(production.refusal("https://v6.example.org:8443/h").isEmpty());
        assertTrue(production.refusal("https://93.184.215.14/h").isEmpty());
    }

    @Test
    void productionRefusesPlainHttpAndEveryNonPublicAddress() {
        assertEquals("must be an https URL", production.refusal("http://partner.example.org/h").orElseThrow());
        for (String url : List.of("https://127.0.0.1/h", "https://localhost.invalid/h", "https://sneaky.example.org/h",
                "https://metadata.example.org/latest/meta-data", "https://[::1]/h", "https://ula.example.org/h",
                "https://mapped.example.org/h", "https://0.0.0.0/h", "https://100.64.1.1/h", "https://192.168.1.10/h",
                "https://172.20.0.1/h", "https://224.0.0.1/h")) {
            assertTrue(production.refusal(url).isPresent(), url);
        }
    }

    @Test
    void malformedUrlsCredentialsAndFragmentsAreRefused() {
        for (String url : List.of("", "not a url", "ftp://partner.example.org/h", "https:///h",
                "https://user:pw@partner.example.org/h", "https://partner.example.org/h#x",
                "https://partner.example.org/" + "x".repeat(2000))) {
            assertTrue(production.refusal(url).isPresent(), url);
        }
    }

    @Test
    void developmentMayUseHttpAndLocalReceivers() {
        WebhookUrlPolicy dev = new WebhookUrlPolicy(true, true, WebhookUrlPolicyTest::resolve);
        assertTrue(dev.refusal("http://127.0.0.1:9999/hook").isEmpty());
        assertTrue(dev.refusal("ftp://127.0.0.1/hook").isPresent());
    }
}
