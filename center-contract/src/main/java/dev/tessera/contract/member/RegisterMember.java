package dev.tessera.contract.member;

public record RegisterMember(String loginId, String password, String displayName) {}
