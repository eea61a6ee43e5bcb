package dev.mechanics.platform.web;

import dev.mechanics.tenancy.Capability;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The capability a route needs (any one of them when several are named); without it the caller gets 403
 * problem+json before the resource runs. Per-shop and per-object rules are the services' (see
 * {@link Capability}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Requires {
  Capability[] value();
}
