package annotations

import (
	"strings"
	"testing"
)

// detectCases are news-like paragraphs written for these tests, one per
// language DetectLanguage knows, each saying much the same thing.
var detectCases = []struct{ want, text string }{
	{"en", "The government said on Tuesday that it would not change its plans, but the opposition was not convinced and called for a vote."},
	{"de", "Die Regierung hat am Dienstag erklärt, dass sie ihre Pläne nicht ändern wird. Die Opposition ist aber nicht überzeugt und fordert eine Abstimmung."},
	{"fr", "Le gouvernement a déclaré mardi qu'il ne changerait pas ses plans, mais l'opposition n'est pas convaincue et demande un vote."},
	{"es", "El gobierno dijo el martes que no cambiará sus planes, pero la oposición no está convencida y pide una votación."},
	{"it", "Il governo ha detto martedì che non cambierà i suoi piani, ma l'opposizione non è convinta e chiede un voto."},
	{"pt", "O governo disse na terça-feira que não vai mudar os seus planos, mas a oposição não está convencida e pede uma votação."},
	{"nl", "De regering heeft dinsdag gezegd dat zij haar plannen niet zal veranderen, maar de oppositie is niet overtuigd en vraagt om een stemming."},
	{"pl", "Rząd oświadczył we wtorek, że nie zmieni swoich planów, ale opozycja nie jest przekonana i domaga się głosowania."},
	{"tr", "Hükümet salı günü planlarını değiştirmeyeceğini açıkladı, ama muhalefet bu konuda ikna olmadı ve bir oylama için çağrı yaptı."},
	{"sv", "Regeringen sade på tisdagen att den inte kommer att ändra sina planer, men oppositionen är inte övertygad och kräver en omröstning."},
	{"da", "Regeringen sagde tirsdag, at den ikke vil ændre sine planer efter protesterne, men oppositionen er ikke tilfreds. Hvad der sker nu, er uklart, og mange af partierne har meldt sig ud af forhandlingerne."},
	{"no", "Regjeringen sa tirsdag at den ikke vil endre planene sine etter protestene, men opposisjonen er ikke fornøyd. Hva som skjer nå, er uklart, og mange av partiene har meldt seg ut av samtalene."},
	{"cs", "Vláda v úterý oznámila, že své plány nezmění, ale opozice není přesvědčena a požaduje hlasování. Podle ní je to jen další krok, který nic nevyřeší."},
	{"fi", "Hallitus ilmoitti tiistaina, että se ei muuta suunnitelmiaan, mutta oppositio ei ole vakuuttunut ja vaatii äänestystä. Sen mukaan päätös on vain ensimmäinen askel."},
	{"et", "Valitsus teatas teisipäeval, et ta ei muuda oma plaane, aga opositsioon ei ole veendunud ja nõuab hääletust. See on tema sõnul alles esimene samm, mis ei lahenda midagi."},
	{"sl", "Vlada je v torek sporočila, da svojih načrtov ne bo spremenila, vendar opozicija ni prepričana in zahteva glasovanje. Po njenem mnenju je to šele prvi korak, ki ne bo rešil ničesar."},
	{"zh", "政府周二表示，不会改变计划。反对派并不信服，要求进行投票。"},
	{"ja", "政府は火曜日、計画を変更しないと発表した。野党は納得しておらず、採決を求めている。"},
	{"ko", "정부는 화요일에 계획을 바꾸지 않겠다고 밝혔다. 야당은 납득하지 않고 표결을 요구했다."},
	{"ar", "قالت الحكومة يوم الثلاثاء إنها لن تغير خططها، لكن المعارضة غير مقتنعة وتطالب بالتصويت."},
	{"fa", "دولت روز سه‌شنبه گفت که برنامه‌های خود را تغییر نمی‌دهد، اما مخالفان قانع نشده‌اند و خواستار رأی‌گیری هستند."},
	{"ur", "حکومت نے منگل کو کہا کہ وہ اپنے منصوبے نہیں بدلے گی، لیکن حزب اختلاف مطمئن نہیں ہے اور ووٹنگ کا مطالبہ کر رہی ہے۔"},
	{"he", "הממשלה הודיעה ביום שלישי שהיא לא תשנה את תוכניותיה, אך האופוזיציה אינה משוכנעת ודורשת הצבעה."},
	{"ru", "Правительство заявило во вторник, что не изменит своих планов, но оппозиция не убеждена и требует голосования."},
	{"uk", "Уряд заявив у вівторок, що не змінить своїх планів, але опозиція не переконана і вимагає голосування."},
	{"el", "Η κυβέρνηση δήλωσε την Τρίτη ότι δεν θα αλλάξει τα σχέδιά της, αλλά η αντιπολίτευση δεν έχει πειστεί και ζητά ψηφοφορία."},
	{"hi", "सरकार ने मंगलवार को कहा कि वह अपनी योजनाएँ नहीं बदलेगी, लेकिन विपक्ष संतुष्ट नहीं है और मतदान की मांग कर रहा है।"},
	{"th", "รัฐบาลกล่าวเมื่อวันอังคารว่าจะไม่เปลี่ยนแผน แต่ฝ่ายค้านยังไม่เชื่อและเรียกร้องให้มีการลงมติ"},
}

func TestDetectLanguage(t *testing.T) {
	for _, tt := range detectCases {
		t.Run(tt.want, func(t *testing.T) {
			if got := DetectLanguage(tt.text); got != tt.want {
				t.Errorf("DetectLanguage(%.40q…) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestDetectLanguageUndetermined(t *testing.T) {
	tests := []struct{ name, text, want string }{
		{"empty", "", "und"},
		{"numbers and punctuation", "12,345 — 67.8 % (2024)", "und"},
		{"one common word", "Hello the world", "und"},
		{"no common word", "Lorem ipsum dolor sit amet, consectetur adipiscing elit.", "und"},
		{"English with a Chinese word", "The Chinese word 你好 means hello, and it is the greeting of the day for all of them.", "en"},
		{"Chinese with an English name", "他在 New York 工作了很多年，后来回到北京。", "zh"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := DetectLanguage(tt.text); got != tt.want {
				t.Errorf("DetectLanguage(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

// TestDetectLanguageReadsTheStart: a long text is judged by its first
// 64 KB, cut on a character boundary.
func TestDetectLanguageReadsTheStart(t *testing.T) {
	de := detectCases[1].text
	long := strings.Repeat("ä", detectSampleBytes/2-1) + "ö" + strings.Repeat(" "+de, 10)
	if got := DetectLanguage(strings.Repeat(de+" ", 2000) + strings.Repeat(detectCases[0].text, 1000)); got != "de" {
		t.Errorf("German then English: %q, want de", got)
	}
	if got := DetectLanguage(long); got != "und" {
		t.Errorf("no word in the first 64 KB: %q, want und", got)
	}
}
