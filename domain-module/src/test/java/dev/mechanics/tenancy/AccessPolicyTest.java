package dev.mechanics.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mechanics.platform.DomainException;
import dev.mechanics.platform.Ids;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The access policy (docs/permissions.md) as Capability and Caller decide it, without a server. */
class AccessPolicyTest {

  private static final UUID DOWNTOWN = Ids.newId();
  private static final UUID NORTHSIDE = Ids.newId();

  private static Caller in(Role role, UUID shop) {
    return new Caller(Ids.newId(), Ids.newId(), Set.of(role), Map.of(shop, role));
  }

  @Test
  void aTechnicianSeesNeitherCostsNorContactDataNorOtherPeoplesWork() {
    Caller tech = in(Role.TECHNICIAN, DOWNTOWN);
    for (Capability c : Capability.values()) {
      assertThat(tech.may(c)).as(c.name()).isEqualTo(c == Capability.WATCH_BOARD);
    }
    assertThat(tech.mayIn(Capability.WATCH_BOARD, DOWNTOWN)).isTrue();
    assertThat(tech.mayIn(Capability.WATCH_BOARD, NORTHSIDE)).isFalse();
    assertThat(in(Role.OWNER, DOWNTOWN).mayIn(Capability.WATCH_BOARD, NORTHSIDE)).isTrue();
    Caller advisor = in(Role.SERVICE_ADVISOR, DOWNTOWN);
    assertThat(advisor.may(Capability.SEE_COSTS)).isTrue();
    assertThat(advisor.may(Capability.SEE_CUSTOMER_CONTACT)).isTrue();
    assertThat(advisor.may(Capability.SEE_ALL_WORK)).isTrue();
    assertThat(advisor.may(Capability.MANAGE_MONEY)).isFalse();
  }

  @Test
  void shopSetUpAndMoneyBelongToTheManagersOfThatShopAndToOwnersEverywhere() {
    Caller manager = in(Role.MANAGER, DOWNTOWN);
    assertThat(manager.mayIn(Capability.MANAGE_MONEY, DOWNTOWN)).isTrue();
    assertThat(manager.mayIn(Capability.MANAGE_MONEY, NORTHSIDE)).isFalse();
    assertThat(manager.mayIn(Capability.CONFIGURE_SHOP, NORTHSIDE)).isFalse();
    assertThatThrownBy(() -> manager.requireIn(Capability.CONFIGURE_SHOP, NORTHSIDE, "change its board"))
        .isInstanceOf(DomainException.Forbidden.class)
        .hasMessage("Only OWNER or MANAGER of this shop may change its board");
    Caller owner = in(Role.OWNER, DOWNTOWN);
    assertThat(owner.mayIn(Capability.MANAGE_MONEY, NORTHSIDE)).isTrue();
    assertThat(owner.mayIn(Capability.RUN_PLATFORM_JOBS, NORTHSIDE)).isFalse();
  }

  @Test
  void managersGrantFloorRolesInTheirShopsOwnersAnyRoleAnywhere() {
    Caller manager = in(Role.MANAGER, DOWNTOWN);
    assertThat(manager.mayGrant(Role.TECHNICIAN, DOWNTOWN)).isTrue();
    assertThat(manager.mayGrant(Role.SERVICE_ADVISOR, DOWNTOWN)).isTrue();
    assertThat(manager.mayGrant(Role.MANAGER, DOWNTOWN)).isFalse();
    assertThat(manager.mayGrant(Role.TECHNICIAN, NORTHSIDE)).isFalse();
    assertThat(in(Role.OWNER, DOWNTOWN).mayGrant(Role.OWNER, NORTHSIDE)).isTrue();
    assertThat(manager.shopsWhere(Capability.MANAGE_STAFF)).containsExactly(DOWNTOWN);
  }

  @Test
  void platformOperatorsRunPlatformJobsBesideTheirShopRole() {
    Caller operator = Caller.of(Ids.newId(), Ids.newId(), List.of(), Role.PLATFORM_OPERATOR);
    assertThat(operator.may(Capability.RUN_PLATFORM_JOBS)).isTrue();
    assertThat(operator.may(Capability.RUN_ORGANIZATION_JOBS)).isFalse();
    assertThat(in(Role.OWNER, DOWNTOWN).may(Capability.RUN_PLATFORM_JOBS)).isFalse();
  }
}
