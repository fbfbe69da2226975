package dev.tessera.designer.editor;

/** Which edge or centre line the align command lines the selection up on. */
public enum Alignment { LEFT, CENTER, RIGHT, TOP, MIDDLE, BOTTOM }
