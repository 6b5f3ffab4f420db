//go:build !wasm

package main

import (
	"stancemark/annotations"
	"stancemark/web/models"
)

// The Punkt models of the languages other than English, embedded
// (web/models) and registered for every command; each is read and parsed
// only when a text in its language is first segmented. The browser build
// does not link them (this file and package models are !wasm).
func init() { annotations.SetModelSource(models.Punkt) }
