package dcl.registry.adapters.rest;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The web container's error page (unknown paths outside the API, failed authentication): a problem
 * document instead of an HTML page.
 */
@WebServlet("/problem")
public class ErrorPageServlet extends HttpServlet {
  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    int status = code instanceof Integer i ? i : HttpServletResponse.SC_NOT_FOUND;
    String title;
    String detail;
    if (status == 401) {
      title = "Unauthorized";
      detail = "A valid bearer token is required (Authorization: Bearer <JWT>)";
    } else if (status == 403) {
      title = "Forbidden";
      detail = "Your token does not carry a role allowed to do this";
    } else if (status == 404) {
      title = "Not Found";
      detail = "No resource at this path; see /openapi for the API";
    } else if (status == 405) {
      title = "Method Not Allowed";
      detail = "This path does not support that method";
    } else if (status == 400) {
      title = "Bad Request";
      detail = "The request could not be understood";
    } else {
      title = "Internal Server Error";
      detail = "The request failed";
    }
    response.setStatus(status);
    if (status == 401) {
      response.setHeader("WWW-Authenticate", "Bearer");
    }
    response.setContentType("application/problem+json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
        + ",\"detail\":\"" + detail + "\"}");
  }
}
