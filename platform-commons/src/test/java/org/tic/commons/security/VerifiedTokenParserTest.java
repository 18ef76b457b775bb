package org.tic.commons.security;

import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import javax.crypto.SecretKey;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class VerifiedTokenParserTest {

    private final AtomicLong now = new AtomicLong(1_000_000);
    private final Verifier verifier = new Verifier();
    private final VerifiedTokenParser parser = new VerifiedTokenParser(verifier, 100, Duration.ofMinutes(5), now::get);

    @Test
    void aTokenThatVerifiedIsNotVerifiedAgainUntilItExpires() throws ParseException {
        verifier.exp.put("good", now.get() + 60);
        JsonWebToken first = parser.parse("good");
        assertSame(first, parser.parse("good"));
        assertEquals(1, verifier.calls.get());

        now.addAndGet(61); // past its exp: verified again, and the verifier refuses it
        verifier.expired.add("good");
        assertThrows(ParseException.class, () -> parser.parse("good"));
        assertEquals(2, verifier.calls.get());
    }

    @Test
    void aTokenThatFailedIsCheckedEveryTime() {
        assertThrows(ParseException.class, () -> parser.parse("forged"));
        assertThrows(ParseException.class, () -> parser.parse("forged"));
        assertEquals(2, verifier.calls.get());
    }

    @Test
    void tokensDifferingInOneByteAreVerifiedSeparately() throws ParseException {
        verifier.exp.put("good", now.get() + 60);
        parser.parse("good");
        assertThrows(ParseException.class, () -> parser.parse("goodX"));
        assertEquals(2, verifier.calls.get());
    }

    /** Verifies the tokens it knows, refuses the rest, counts its calls. */
    private static final class Verifier implements JWTParser {
        final Map<String, Long> exp = new HashMap<>();
        final Set<String> expired = new java.util.HashSet<>();
        final AtomicLong calls = new AtomicLong();

        @Override
        public JsonWebToken parse(String token) throws ParseException {
            calls.incrementAndGet();
            if (!exp.containsKey(token) || expired.contains(token)) {
                throw new ParseException("refused");
            }
            return new Token(token, exp.get(token));
        }

        @Override
        public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
            return parse(token);
        }

        @Override
        public JsonWebToken verify(String token, PublicKey key) throws ParseException {
            return parse(token);
        }

        @Override
        public JsonWebToken verify(String token, SecretKey key) throws ParseException {
            return parse(token);
        }

        @Override
        public JsonWebToken verify(String token, String secret) throws ParseException {
            return parse(token);
        }

        @Override
        public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
            return parse(token);
        }

        @Override
        public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
            return parse(token);
        }

        @Override
        public JsonWebToken decrypt(String token, String secret) throws ParseException {
            return parse(token);
        }

        @Override
        public JsonWebToken parseOnly(String token) throws ParseException {
            return parse(token);
        }
    }

    private record Token(String raw, long exp) implements JsonWebToken {
        @Override
        public String getName() {
            return raw;
        }

        @Override
        public Set<String> getClaimNames() {
            return Set.of("exp");
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T getClaim(String claimName) {
            return "exp".equals(claimName) ? (T) Long.valueOf(exp) : null;
        }
    }
}
