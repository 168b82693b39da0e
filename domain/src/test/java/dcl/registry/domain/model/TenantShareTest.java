package dcl.registry.domain.model;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TenantShareTest {
    private static final TenantId ACME = new TenantId("acme");
    private static final TenantId GLOBEX = new TenantId("globex");

    @Test
    void aTenantTakesAtMostHalf_anotherStillEnters_andALeaveFreesOne() {
        TenantShare share = TenantShare.halfOf(4);
        assertTrue(share.tryEnter(ACME));
        assertTrue(share.tryEnter(ACME));
        assertFalse(share.tryEnter(ACME), "half of four");
        assertTrue(share.tryEnter(GLOBEX));

        share.leave(ACME);

        assertTrue(share.tryEnter(ACME));
    }

    @Test
    void halfOfOneIsOne_andOfThreeIsTwo() {
        TenantShare one = TenantShare.halfOf(1);
        assertTrue(one.tryEnter(ACME));
        assertFalse(one.tryEnter(ACME));
        TenantShare three = TenantShare.halfOf(3);
        assertTrue(three.tryEnter(ACME));
        assertTrue(three.tryEnter(ACME));
        assertFalse(three.tryEnter(ACME));
    }
}
