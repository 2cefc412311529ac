"""Real words one typo away from a key word, which must never be "corrected" into it.

Generated from the Debian word lists (wamerican, wbritish): every lowercase alphabetic word that
no pattern uses but that the normaliser would otherwise turn into a key word (one edit from a
word in `patterns.FUZZY_WORDS`, or a doubled letter away from a pattern word), except the
MISSPELLINGS_KEPT below. When FUZZY_WORDS or the patterns change,
`tests/unit/safety/test_normalize.py` lists any word to add here (it runs where the word lists
are installed: `apt-get install wamerican wbritish`).
"""

_WORDS = """
    aaa abetter add alice alike aline ann armed arming baath badder balances batter bbb beater
    bee bellow bette betted betters bettor billing bills bitter bladders blander blurring
    blurted boone boos boot booth bootless borden bowed bowen bower bowers bowl bowls breach
    breaching breadth breathed breather breathes breathy brooke brushing burred buss butter
    butting cancel canker canter caress carr catt catting caving chammy charmed charming cheat
    cheeking chess chowing chucking clive coking concession concussions confuse confuser
    confuses confusions confuted constants contused contusion coo cooping coos copping crest
    crusting cuttings dancer dding depp dills ding disappears dislocate dislocates diving doable
    donne doubles doublet doubly dowel dowels drooling drying dumbness dyeing dyking emory err
    escapee explains eying fainter farmed farming feinted feinting felling fells fetter fewer
    filling fills finnish fiver flatt flurry formally fractures fromm gaping gashing gassing
    gills gladder goggled goggling goo grain grasping grin grist groan groins gutting haas
    hammed hamming harding hared haring harked harking harped harping hatted hatting heed heel
    hills hiss hiving homeless homelessness hooped hooping hoot hopped hopping hunting hurling
    hurst hurtling hying ide ieee iii ills inn iss jingling jiving jutting kidd killings kilning
    kingly kipling kkk knelling knuckled ladder lancer leann lees lever lief lightness liking
    liming lining livings loll loose loot loots lott loving mann massage matte milling mills
    mingling mooney moore needless netter noon normalcy nutting olive overdoes overdoing
    overdone painted painting pall palls paralyse paralyses paralyze paralyzes paving penn piles
    pilling pitt platte poisson poll polls popped posse posses possess pressured pressures pulls
    putt rams rasping ratting raving reasons reed reformed rightness rills ringling rouble rowel
    rowels rushing rutting salving sating sawing sciatic season seating setter sever shinny
    sills singling singly skiff slaving slurped slurping smoulder sniff somme soon spills
    spurred spurring staff staving steep steeped steeping steeps sternums stiffs stoke stoop
    stooped stooping stoops strike strobe strode stroked strove swearing tables tainted tainting
    tangling teen thee thunderclaps tiff tilling tills tingeing tinging tinglings tinkling tinny
    towel towels treason trooping tying unbearably unbeatable uss valance viii visions vowel
    vowels vying waggon waist waists warmed warming waving wetter whist willing wills wist
    wreath wreathe wreathing wrest wrests wriest writ writs www xiii xviii xxiii xxviii xxx xxxi
    xxxii xxxiii xxxiv xxxix xxxv xxxvi xxxvii xxxviii futures suture needle needled curtail
    flood floors flour frequents fiend fried colleagues focussed latte latter orr pooping poops
    putts scarred starred starring beak host lest loft lout lust peak teak tost tweak wean wesak
    wreak mortgagee weeding deem diss donn meek peer poss ragging
"""

PROTECTED: frozenset[str] = frozenset(_WORDS.split())

# Real words left out on purpose: far more often typed as misspellings of a key word.
MISSPELLINGS_KEPT: frozenset[str] = frozenset(
    ("chocking", "bowell", "loosing", "goodby", "goodbys", "weal")
)
