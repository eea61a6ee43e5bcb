package dev.mechanics.platform.lifecycle;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * While the instance drains, every answer carries {@code Connection: close}: a client's keep-alive connection
 * would otherwise still lead to this instance when its listener closes, and a request sent on it at that moment
 * would fail. The request itself is served as usual.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class DrainingFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  @Override
  protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (GracefulShutdown.draining()) {
      response.setHeader("Connection", "close");
    }
    chain.doFilter(request, response);
  }
}
