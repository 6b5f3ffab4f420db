package collect

import (
	"fmt"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// The targets of issue 19, measured by "make bench" on SQLite and on
// PostgreSQL (started by the tests): a class's 300 submissions arriving
// evenly over 10 s (open loop: each is sent at its time whether or not the
// earlier ones are answered), reported as the p50 and p99 time to the
// acknowledgement; and the sustained rate of 50 clients submitting back to
// back. The server is the real API over loopback HTTP, rate limits off
// (they are a policy, not the capacity measured here).

func benchDatabases(b *testing.B) map[string]string {
	return map[string]string{
		"sqlite":   "sqlite:" + b.TempDir() + "/bench.db",
		"postgres": pg.newDatabase(b),
	}
}

func BenchmarkOpenLoop300In10s(b *testing.B) {
	for _, name := range []string{"sqlite", "postgres"} {
		b.Run(name, func(b *testing.B) {
			dsn := benchDatabases(b)[name]
			a, ab := bundledAssignment(b)
			s, srv := newAPI(b, dsn, Options{})
			bodies := studentBodies(b, a, 300)
			var all []time.Duration
			for n := 0; n < b.N; n++ {
				code, _ := newCollection(b, s, ab, CollectionOptions{})
				lat := make([]time.Duration, len(bodies))
				var failed atomic.Int32
				var wg sync.WaitGroup
				start := time.Now()
				interval := 10 * time.Second / time.Duration(len(bodies))
				for i, body := range bodies {
					time.Sleep(time.Until(start.Add(time.Duration(i) * interval)))
					wg.Add(1)
					go func() {
						defer wg.Done()
						t0 := time.Now()
						r, err := submit(srv.URL, code, i, body)
						lat[i] = time.Since(t0)
						if err != nil || r.status != 201 {
							failed.Add(1)
						}
					}()
				}
				wg.Wait()
				if failed.Load() > 0 {
					b.Fatalf("%d submissions not acknowledged", failed.Load())
				}
				all = append(all, lat...)
			}
			slices.Sort(all)
			p := func(q float64) float64 { return float64(all[int(q*float64(len(all)-1))]) / 1e6 }
			b.ReportMetric(p(0.50), "p50-ms")
			b.ReportMetric(p(0.99), "p99-ms")
			b.ReportMetric(float64(all[len(all)-1])/1e6, "max-ms")
			fmt.Printf("collect %s open loop, 300 submissions over 10 s: p50 %.1f ms, p99 %.1f ms, max %.1f ms (target p99 ≤ 300 ms)\n",
				name, p(0.50), p(0.99), float64(all[len(all)-1])/1e6)
		})
	}
}

func BenchmarkSustained50Clients(b *testing.B) {
	for _, name := range []string{"sqlite", "postgres"} {
		b.Run(name, func(b *testing.B) {
			dsn := benchDatabases(b)[name]
			a, ab := bundledAssignment(b)
			s, srv := newAPI(b, dsn, Options{})
			code, _ := newCollection(b, s, ab, CollectionOptions{})
			bodies := studentBodies(b, a, 300)
			var next, failed atomic.Int64
			var wg sync.WaitGroup
			b.ResetTimer()
			start := time.Now()
			for range 50 {
				wg.Add(1)
				go func() {
					defer wg.Done()
					for {
						i := int(next.Add(1)) - 1
						if i >= b.N {
							return
						}
						r, err := submit(srv.URL, code, i, bodies[i%len(bodies)])
						if err != nil || r.status != 201 {
							failed.Add(1)
						}
					}
				}()
			}
			wg.Wait()
			elapsed := time.Since(start)
			b.StopTimer()
			if failed.Load() > 0 {
				b.Fatalf("%d of %d submissions not acknowledged", failed.Load(), b.N)
			}
			rate := float64(b.N) / elapsed.Seconds()
			b.ReportMetric(rate, "submissions/s")
			if b.N >= 500 {
				fmt.Printf("collect %s sustained, 50 concurrent clients: %.0f submissions/s over %d (target ≥ 100/s)\n", name, rate, b.N)
			}
		})
	}
}
