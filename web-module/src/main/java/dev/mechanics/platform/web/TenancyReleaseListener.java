package dev.mechanics.platform.web;

import dev.mechanics.platform.RequestOrigin;
import dev.mechanics.platform.Tenancy;
import jakarta.servlet.ServletRequestEvent;
import jakarta.servlet.ServletRequestListener;
import jakarta.servlet.annotation.WebListener;

/** Unbinds the organization when any request ends, even one that failed before the JAX-RS filters ran. */
@WebListener
public class TenancyReleaseListener implements ServletRequestListener {

  @Override
  public void requestInitialized(ServletRequestEvent event) {
    Tenancy.clear();
    RequestOrigin.clear();
  }

  @Override
  public void requestDestroyed(ServletRequestEvent event) {
    Tenancy.clear();
    RequestOrigin.clear();
  }
}
