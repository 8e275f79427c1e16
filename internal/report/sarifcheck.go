package report

import (
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
)

// CheckGitHubSARIF checks the rules GitHub code scanning adds to the SARIF
// schema, which a schema validator does not see: every result's ruleId is
// in tool.driver.rules[] and its ruleIndex points at it, artifact URIs are
// relative with a uriBaseId, and lines and columns are at least 1 with the
// end not before the start. Tests and .ci/sarif-validate use it.
func CheckGitHubSARIF(data []byte) error {
	var log struct {
		Version string `json:"version"`
		Runs    []struct {
			Tool struct {
				Driver struct {
					Name  string `json:"name"`
					Rules []struct {
						ID string `json:"id"`
					} `json:"rules"`
				} `json:"driver"`
			} `json:"tool"`
			Results []struct {
				RuleID           string            `json:"ruleId"`
				RuleIndex        *int              `json:"ruleIndex"`
				Locations        []sarifLocation   `json:"locations"`
				RelatedLocations []sarifLocation   `json:"relatedLocations"`
				Fixes            []sarifFix        `json:"fixes"`
				Fingerprints     map[string]string `json:"partialFingerprints"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(data, &log); err != nil {
		return err
	}
	if log.Version != "2.1.0" || len(log.Runs) == 0 {
		return fmt.Errorf("not a SARIF 2.1.0 log with a run")
	}
	for _, run := range log.Runs {
		ids := map[string]int{}
		for i, r := range run.Tool.Driver.Rules {
			if _, dup := ids[r.ID]; dup {
				return fmt.Errorf("rule %s listed twice", r.ID)
			}
			ids[r.ID] = i
		}
		for i, res := range run.Results {
			idx, ok := ids[res.RuleID]
			if !ok {
				return fmt.Errorf("result %d: ruleId %q not in tool.driver.rules", i, res.RuleID)
			}
			if res.RuleIndex == nil || *res.RuleIndex != idx {
				return fmt.Errorf("result %d: ruleIndex does not point at rule %s", i, res.RuleID)
			}
			if len(res.Fingerprints) == 0 {
				return fmt.Errorf("result %d: no partialFingerprints", i)
			}
			if len(res.Locations) == 0 {
				return fmt.Errorf("result %d: no location", i)
			}
			for _, l := range append(append([]sarifLocation(nil), res.Locations...), res.RelatedLocations...) {
				if err := checkPhysical(l.PhysicalLocation.ArtifactLocation, l.PhysicalLocation.Region); err != nil {
					return fmt.Errorf("result %d: %v", i, err)
				}
			}
			for _, fx := range res.Fixes {
				for _, c := range fx.ArtifactChanges {
					for _, rep := range c.Replacements {
						if err := checkPhysical(c.ArtifactLocation, &rep.DeletedRegion); err != nil {
							return fmt.Errorf("result %d fix: %v", i, err)
						}
					}
				}
			}
		}
	}
	return nil
}

func checkPhysical(a sarifArtifactLoc, r *sarifRegion) error {
	u, err := url.Parse(a.URI)
	if err != nil || u.Scheme != "" || strings.HasPrefix(a.URI, "/") || a.URIBaseID == "" {
		return fmt.Errorf("artifact URI %q is not relative to a uriBaseId", a.URI)
	}
	if r == nil {
		return nil
	}
	// A zero column is an omitted one (the whole line); a present one is
	// at least 1.
	if r.StartLine < 1 || r.StartColumn < 0 || (r.EndLine != 0 && r.EndLine < r.StartLine) ||
		r.EndColumn < 0 || (r.EndLine == r.StartLine && r.EndColumn != 0 && r.EndColumn < r.StartColumn) {
		return fmt.Errorf("%s: bad region %+v (lines and columns are 1-based)", a.URI, *r)
	}
	return nil
}

// SaveSARIFSample copies a SARIF log a test produced into the directory
// named by $REVIEWLINT_SARIF_DIR, where .ci/sarif-validate checks each one
// against the SARIF 2.1.0 JSON schema; without the variable it does nothing.
func SaveSARIFSample(name string, data []byte) error {
	dir := os.Getenv("REVIEWLINT_SARIF_DIR")
	if dir == "" {
		return nil
	}
	return os.WriteFile(filepath.Join(dir, name+".sarif"), data, 0o666)
}
