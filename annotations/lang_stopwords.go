package annotations

import (
	"strings"
	"sync"
)

// stopWords are, for each Latin-script language DetectLanguage knows, some
// 25 to 40 of its most common words, written here from general knowledge
// of each language (articles, pronouns, prepositions, conjunctions, the
// commonest verbs). A word in several lists counts for each of them by a
// share (see voteLatin), so the words only one language has decide
// between close ones (Danish "af", "hvad", "nu"; Norwegian "av", "hva",
// "nå"; Swedish "och", "att", "är").
var stopWords = [...]struct{ lang, words string }{
	{"en", `the of and to in is that it was for on are with as his they be at this have from by not
	       but what all were when we there can an which their said if will about would has been had`},
	{"de", `der die und das ist nicht ein eine zu den von mit sich des auf für im dem auch es an als
	       nach wie aus bei wird sind oder hat noch werden über aber ich sie einer in am dass war`},
	{"fr", `le la les de des et est un une du en que qui dans pour pas sur au ce il elle sont avec par
	       plus ne se mais ont été cette leur aux nous vous`},
	{"es", `el la los las de del que en y un una por con para es se no su al lo como más pero sus le
	       ha fue este esta son entre cuando muy también`},
	{"it", `il di che la le gli è e un una per non con del della dei si da sono ha ma come anche nel
	       alla più questo essere stato lo nella`},
	{"pt", `o a os as de do da dos das que em um uma para com não é se por mais no na ao como mas foi
	       são ele seu sua também`},
	{"nl", `de het een en van in is dat op te zijn voor met niet die aan er maar ook als bij door dan
	       om nog wordt heeft naar deze zich`},
	{"pl", `i w na z że się nie do to jest jak o co ale po tak od za przez dla jego są być już tylko
	       może przy jej ich było`},
	{"tr", `ve bir bu da de için ile çok daha olarak gibi ne var olan en ama sonra kadar değil ya her
	       şey o mi ben onun diye`},
	{"sv", `och i att det som en på är av för med den till inte har de om ett men jag var så från
	       hade vi kan sig efter också`},
	{"da", `og i at det er en til på de af for med den som ikke har et var jeg men fra kan om sig
	       efter også havde blev nu hvad være`},
	{"no", `og i det er en til på som av for med den at ikke har et var jeg men fra kan om seg etter
	       også hadde ble nå hva være`},
	{"cs", `a se na je že v to s z do o jako by ale jsou pro tak jeho k už jen po který bylo není
	       také při které byl má`},
	{"fi", `ja on ei se että oli hän mutta kun tai niin ovat myös kuin mitä joka sen jo tämä ole
	       vain ne olla voi sitä hänen`},
	{"et", `ja on ei see et oli ta kui aga mis ka nii või siis seda kes tema olid oma veel pole
	       ning mida selle`},
	{"sl", `in je na se da v za ki so z s pa ne bi tudi kot po to od pri še ali bo le iz kar sem smo`},
}

// stopWordIndex is each stop word's languages (indexes into stopWords),
// built on first use.
var (
	stopWordOnce  sync.Once
	stopWordIndex map[string][]int
)

func stopWordLanguages() map[string][]int {
	stopWordOnce.Do(func() {
		stopWordIndex = map[string][]int{}
		for i, l := range stopWords {
			for _, w := range strings.Fields(l.words) {
				stopWordIndex[w] = append(stopWordIndex[w], i)
			}
		}
	})
	return stopWordIndex
}
