package org.tic.commons.ratelimit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource method (or every method of a resource class) as a bulk operation: an import or export that costs
 * far more than an ordinary call. Such calls draw on the caller's separate, smaller bulk bucket
 * ({@code tic.rate-limit.bulk.*}) instead of its role's bucket.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface BulkOperation {
}
