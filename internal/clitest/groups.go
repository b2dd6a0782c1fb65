package clitest

import "path/filepath"

// Groups names the script packages under cmd/vsynth/scripttest (a
// directory each, of the group's name) and the file-name patterns
// (filepath.Match) of the scripts each runs. Every script matches exactly
// one group (TestEveryScriptInOneGroup); a new script whose name fits no
// pattern fails that test until it is given a group. The groups are of
// about the same cost (docs/soundness.md, "The suite under load").
var Groups = map[string][]string{
	// What vsynth prove writes: reports, their formats and the gate's
	// settings.
	"provereports": {
		"prove_json*", "prove_junit*", "prove_sarif*", "prove_github*",
		"prove_error_reports*", "prove_side_output*", "prove_emit_tests*",
		"prove_stats*", "prove_verbose*", "prove_failed_text*", "prove_fail_on*",
		"prove_baseline*", "prove_config*", "prove_ignore*", "prove_strict*",
		"prove_directive_warning*", "prove_shard*", "prove_run*", "prove_usage*",
		"prove_load_error*", "prove_solver_report*",
	},
	// How vsynth prove runs: its cache, confirmation, solvers, budgets and
	// the build it checks.
	"proveruns": {
		"prove_cache_*", "prove_no_cache*", "prove_confirm*", "prove_solver_portfolio*",
		"prove_solver_process*", "prove_cross_check*", "prove_timeout*",
		"prove_total_timeout*", "prove_budget_*", "prove_max_terms*", "prove_tags*",
		"prove_goarch_*", "prove_test_files*", "prove_cross_package*", "prove_emit_smt*",
	},
	// The Go constructs vsynth prove models.
	"proveconstructs": {
		"prove_map_*", "prove_string_*", "prove_closures*", "prove_func_param_*", "prove_defer_*",
		"prove_globals*", "prove_generic*", "prove_interface_*", "prove_panic*",
		"prove_pure*", "prove_mset*", "prove_mathint*", "prove_overflow_*",
		"prove_nil_receiver*", "prove_slice_bounds*", "prove_param_named_*",
		"prove_unsupported*", "prove_alias*", "prove_stdlib*", "prove_zero_width*",
		"prove_slice_clear*",
	},
	// The contract language: clauses, .vspec files, loops and calls.
	"provecontracts": {
		"prove_bad_*", "prove_vspec_*", "prove_assume_*", "prove_assert_*",
		"prove_invariant_*", "prove_decreases_*", "prove_bmc_*", "prove_infer*",
		"prove_write_invariants*", "prove_loop_*", "prove_clause_call_*",
		"prove_contract_*", "prove_vacuity*", "prove_proved*", "prove_modifies*",
	},
	"synth": {"synth_*"},
	// The other commands: rules, learn, bench, merge, and the CLI itself.
	"tools": {"rules_*", "learn_*", "bench_*", "cli_*", "merge*"},
}

// GroupsOf lists the groups whose patterns match a script's file name.
func GroupsOf(name string) []string {
	var gs []string
	for g, pats := range Groups {
		for _, p := range pats {
			if ok, _ := filepath.Match(p, name); ok {
				gs = append(gs, g)
				break
			}
		}
	}
	return gs
}
