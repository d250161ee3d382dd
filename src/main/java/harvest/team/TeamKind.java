package harvest.team;

/** 党员先锋服务队 and 基干民兵小分队. */
public enum TeamKind {
    PARTY_MEMBER, MILITIA
}
