package dev.mechanics.platform.web;

import dev.mechanics.tenancy.Role;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The caller's token must carry one of these roles; otherwise 403 problem+json. */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface RequiresRole {
  Role[] value();
}
