package org.tic.deploy;

/** One broken rule: which rule, which object ({@code Kind/name} or a file), what is wrong. */
public record Violation(String rule, String object, String message) {

    @Override
    public String toString() {
        return "[" + rule + "] " + object + ": " + message;
    }
}
