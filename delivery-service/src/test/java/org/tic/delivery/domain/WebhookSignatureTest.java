package org.tic.delivery.domain;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WebhookSignatureTest {

    // The test vector of the Standard Webhooks specification (and of Svix, its origin).
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final long TS = 1614265330L;
    private static final String BODY = "{\"test\": 2432232314}";

    @Test
    void signsAsTheSpecificationsTestVector() {
        assertEquals("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", WebhookSignature.header(List.of(SECRET), ID, TS, BODY));
    }

    @Test
    void duringARotationBothSecretsSignAndEitherVerifies() {
        String next = WebhookSignature.newSecret();
        String header = WebhookSignature.header(List.of(next, SECRET), ID, TS, BODY);
        assertEquals(2, header.split(" ").length);
        assertTrue(WebhookSignature.verify(SECRET, ID, Long.toString(TS), header, BODY, TS + 10, 300));
        assertTrue(WebhookSignature.verify(next, ID, Long.toString(TS), header, BODY, TS + 10, 300));
        assertFalse(WebhookSignature.verify(WebhookSignature.newSecret(), ID, Long.toString(TS), header, BODY, TS, 300));
    }

    @Test
    void aChangedBodyIdOrTimestampOrAnOldDeliveryFails() {
        String header = WebhookSignature.header(List.of(SECRET), ID, TS, BODY);
        assertFalse(WebhookSignature.verify(SECRET, ID, Long.toString(TS), header, BODY + " ", TS, 300));
        assertFalse(WebhookSignature.verify(SECRET, ID + "x", Long.toString(TS), header, BODY, TS, 300));
        assertFalse(WebhookSignature.verify(SECRET, ID, Long.toString(TS + 1), header, BODY, TS, 300));
        assertFalse(WebhookSignature.verify(SECRET, ID, Long.toString(TS), header, BODY, TS + 301, 300));
        assertFalse(WebhookSignature.verify(SECRET, ID, "yesterday", header, BODY, TS, 300));
    }

    @Test
    void secretsAreNewEachTimeAndInTheStandardFormat() {
        String a = WebhookSignature.newSecret();
        assertTrue(a.startsWith("whsec_") && a.length() > 40, a);
        assertFalse(a.equals(WebhookSignature.newSecret()));
    }
}
