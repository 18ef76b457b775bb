package org.tic.project.event;

import org.junit.jupiter.api.Test;
import org.tic.commons.security.Caller;
import org.tic.project.service.ProjectAccess;

import java.lang.reflect.Constructor;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The membership.events consumer runs outside any request: nothing it depends on (transitively, through the
 * constructor-injected beans of the platform) may need the caller of a request.
 */
class ConsumerPathTest {

    @Test
    void nothingOnTheConsumerPathDependsOnTheCaller() {
        Set<Class<?>> reached = new LinkedHashSet<>();
        Deque<Class<?>> todo = new ArrayDeque<>();
        todo.add(MembershipEventsConsumer.class);
        while (!todo.isEmpty()) {
            Class<?> c = todo.pop();
            if (!reached.add(c)) {
                continue;
            }
            for (Constructor<?> constructor : c.getDeclaredConstructors()) {
                for (Class<?> dependency : constructor.getParameterTypes()) {
                    if (dependency.getName().startsWith("org.tic.")) {
                        todo.add(dependency);
                    }
                }
            }
        }
        assertTrue(reached.contains(org.tic.project.service.MembershipReadModel.class), reached.toString());
        assertFalse(reached.contains(Caller.class), reached.toString());
        assertFalse(reached.contains(ProjectAccess.class), reached.toString());
    }
}
