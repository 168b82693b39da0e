package dcl.registry.adapters.aam;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dcl.registry.adapters.aam.notify.HttpWebhookTransport;
import org.junit.jupiter.api.Test;

class HttpWebhookTransportTest {
  @Test
  void givenRfc4231TestCase2_whenSigned_thenTheHmacMatches() {
    // RFC 4231, test case 2: key "Jefe", data "what do ya want for nothing?"
    assertEquals("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
        HttpWebhookTransport.sign("Jefe", "what do ya want for nothing?"));
  }
}
