package dev.tessera.contract.member;

import java.util.List;

/** Issue 14: a member the clerk found by name or login, with their cards, for the counter's lost-card screen. */
public record MemberFound(long memberId, String loginId, String displayName, List<MemberCard> cards) {}
