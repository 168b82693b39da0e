package dcl.registry.adapters.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ErrorPageServletTest {
    @Test
    void
            givenStatusesTheContainerAnswers_whenTitled_thenTheTitleIsTheirReasonPhraseNotAlwaysAnInternalError() {
        assertEquals("Bad Request", ErrorPageServlet.title(400));
        assertEquals("Request Entity Too Large", ErrorPageServlet.title(413));
        assertEquals("Unsupported Media Type", ErrorPageServlet.title(415));
        assertEquals("Internal Server Error", ErrorPageServlet.title(500));
        assertEquals("Error", ErrorPageServlet.title(499));
        assertEquals("Internal Server Error", ErrorPageServlet.title(599));
    }
}
