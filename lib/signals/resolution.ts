import { MAY_DATE, ON_TERMS, scopeWords, type ClauseScope } from './scope.js';
import { afterLastDash, quoted } from './text.js';
import { aboutSomethingElse, pronounForOtherBusiness } from './topic.js';

/**
 * Statements that the disagreement has ended, on normalised text (contractions expanded). Active
 * and passive, a bare participle opening a sentence or heading, colloquial forms, withdrawals and
 * accepted final decisions. Agreement counts only about the disagreement or its decision, never
 * "I agree with your plan for the visit".
 */
const RESOLVED: RegExp[] = [
  // passive and perfect: "is now resolved", "has been resolved", "was resolved at this morning's meeting", "it is sorted"
  /\b(?:is|are|has been|have been|was|were|been|now|got|get|getting|all|fully|finally|successfully|amicably)\s+(?:now\s+|fully\s+|all\s+|successfully\s+|finally\s+|been\s+|amicably\s+|therefore\s+|then\s+){0,3}(?:resolved|settled|put to bed)\b(?!\s+(?:in|into|well|at (?:school|home|nursery|college|(?:the |her |his |their )?placement)))/,
  // "sorted", "closed", "complete" only of the disagreement itself: "Lunch is sorted" is not a resolution
  /\bwe are (?:now |all |both )?sorted\b(?! (?:for|with|out for)\b)/,
  /\b(?:this(?: one)?|it|that|everything|things|(?:the|this|our|that) (?:professional )?(?:matter|issue|disagreement|dispute|concern|escalation|process|difference(?: of (?:opinion|view))?|challenge|resolution process)(?: for this case| between us| between our (?:agencies|teams|services))?)\s+(?:is|are|has been|have been|was|were)\s+(?:now\s+|all\s+|therefore\s+|then\s+|finally\s+){0,3}(?:sorted(?: out)?|closed(?! (?:(?:on|with|by|following|after)\b|as (?:nfa|no further|an? |["'])|at (?:contact|the front door|screening|triage|mash|the (?:initial|first|early|screening|triage) (?:stage|point|assessment))\b))|complete|completed)\b/,
  // active: "we have resolved this", "we resolved it between us", "managed to resolve"
  /\b(?:we|i|they|both|managers|agencies|teams)\s+(?:have\s+|had\s+|now\s+|finally\s+|successfully\s+|managed to\s+|been able to\s+){0,3}(?:resolved|settled|sorted(?: out)?|ironed out)\s+(?:this|it|things|matters|the (?:matter|issue|disagreement|dispute|concern|escalation|differences?)|our differences|(?:our|the|this) (?:professional )?(?:disagreement|dispute|differences?|concerns?)|everything)\b/,
  // "we've been able to settle the disagreement between our services"
  /\b(?:we|they|both of us|managers|agencies|teams)\s+(?:have\s+|had\s+|now\s+|finally\s+){0,2}(?:been able|managed) to (?:resolve|settle|sort(?: out)?)\s+(?:this|it|things|the (?:matter|issue|disagreement|dispute|differences?)|our (?:professional )?(?:disagreement|dispute|differences?))\b/,
  /\bput (?:this|it|the (?:matter|disagreement|dispute|escalation|challenge))(?: (?:about|over|on) [a-z' -]{1,40}?)?(?: one)? to bed\b/,
  // bare participle opening a sentence or heading: "Resolved at stage one", "Resolved - thank you"
  /^(?:(?:outcome|resolution|update|status|result|re)\s*[:-]\s*|so\s+)?(?:now |all |this is )?(?:resolved|settled|sorted|closed|agreed(?= (?:at|in|between|by both|by all)\b))\b(?!\s+(?:to|that|by|within|if|when|in well|into|for|until|on|off sick|in (?:class|school|nursery|college|placement|her|his|their)|at (?:school|home|nursery|college)|back))/,
  // after a dash or a colon: "Thank you - resolved", "Update: settled at the Stage 2 meeting"
  /[-:]\s*(?:now |all |this is )?(?:resolved|settled|sorted)\b(?!\s+(?:to|that|by|within|if|when|in well|into|for|until|on|off sick|disagreements?|disputes?|cases?|escalations?|matters?|issues?|concerns?)\b)/,
  // the end after a dash or colon, as the last word on an item: "Agreed: the plan continues - disagreement resolved"
  /[-:]\s*(?:the |our )?(?:professional )?(?:disagreement|dispute|escalation|matter)s? (?:now |all |fully )?(?:resolved|settled|closed|concluded|withdrawn)(?=\s*(?:[.!]|$| - ))/,
  // "there is no disagreement any more", "there is no longer any dispute"
  /\bthere is (?:no longer (?:any|a) (?:disagreement|dispute)|no (?:disagreement|dispute) (?:any ?more|now|left|remaining|between us))\b/,
  // a heading of the disagreement and its end: "Disagreement resolved", "Escalation closed", "Matter settled at Step 2"
  /^(?:[-*\u2022\u00b7]\s*)?(?:(?:outcome|resolution|update|status|result|re)\s*[:-]\s*)?(?:the |this |our )?(?:professional )?(?:disagreement|dispute|escalation|matter|issue|challenge|concern|difference)s? (?:now |all |fully |amicably )?(?:resolved|settled|closed|concluded|withdrawn)\b(?!\s+(?:to|that|by|within|if|when))/,
  // a heading of what was agreed: "Way forward agreed", "Outcome accepted", "Outcome: agreed", "Decision accepted by both agencies"
  /^(?:(?:outcome|resolution|update|status|result|re)\s*[:-]\s*)?(?:the )?(?:(?:way forward|agreement|outcome|decision|final decision|recommendation|resolution|position) (?:now )?(?:agreed|reached|accepted)|agreed|agreement reached|accepted)\b(?!\s+(?:to|that|by (?:friday|monday|tuesday|wednesday|thursday|the end)|within|if|when|actions?|plan)\b|\s+(?:re|about|regarding|with|on|for) (?:the |your |our |a )?(?:[a-z-]+ ){0,2}(?:visit|meeting|date|time|call|room|venue|slot|agenda|minutes|arrangements?|transport|diary)\b(?! (?:outcome|decision|notes?|actions?|plan)\b)|\s+(?:i|we|you|they|he|she)\s+(?:would|will|should|could|can|to)\b|\s+(?:(?!that\b)[a-z.']+\s+){1,3}(?:has|have|is|are|was|were|should|will|would|needs?|did|does)\b)/,
  // colloquial
  /\b(?:all sorted|sorted now|sorted,? thank|(?:this|it|that|everything|things) (?:is|are) (?:all )?(?:sorted|fine now|good now)|all good now|no longer an issue|no longer a concern|no further (?:dispute|disagreement|escalation) (?:is )?(?:needed|required|necessary)|matter (?:is )?closed)\b/,
  // closing: "happy to close", "we can close this one off now", "please close the escalation", "consider it closed"
  /\b(?:happy|content|fine|ok|okay|pleased) for (?:it|(?:this|the|our)(?: (?:case|escalation|matter|disagreement|dispute|challenge))?)(?: one)? to be (?:closed|recorded|logged|marked|noted|treated|shown) as (?:resolved|closed|concluded|settled)\b/,
  /\b(?:happy|content|fine|ok|okay|able|pleased|agree(?:d)?)\s+(?:for (?:this|it|the (?:case|escalation|matter|disagreement))(?: one)? )?to\s+(?:be\s+)?close(?:d)?\b(?!\s+(?:the|a|an|my|our|your)\s+(?!(?:case|escalation|matter|disagreement|dispute|challenge|concern)\b))/,
  // "happy for this to come off the partnership's list": the log of open disagreements
  /\b(?:happy|content|fine|ok|okay) for (?:this|it|the (?:case|escalation|matter|disagreement)) to (?:come|be taken) off (?:[a-z']+ ){1,2}(?:list|log|tracker|register)\b/,
  /\b(?:there is |there's )?nothing (?:left |more |further |still )?(?:in dispute|to dispute|to disagree about|outstanding between us)\b/,
  /\b(?:i am|we are) (?:now |fully )?(?:satisfied|content|reassured) (?:that )?(?:the|this|your|their) [a-z' -]{1,30} (?:is|was) (?:the right|the correct|correct|right|appropriate|reasonable|proportionate)\b/,
  /\b(?:happy|content|fine|ok|okay|pleased) for (?:[a-z']+ ){1,6}?(?:disagreement|dispute|escalation|challenge|case|matter|dissent|objection)(?: one)? to be (?:treated as (?:resolved|closed|concluded)|closed|recorded as (?:resolved|closed)|marked (?:as )?(?:resolved|closed))\b/,
  /\b(?:we|you|i)\s+(?:can|may)\s+(?:now\s+)?close\s+(?:this|it|the (?:case|escalation|matter|disagreement|dispute))(?:\s+(?:one\s+)?(?:off|down))?\b/,
  /\b(?:this|it|the (?:case|escalation|matter|disagreement|dispute))\s+can\s+(?:now\s+)?be\s+closed\b/,
  /\b(?:please\s+)?close\s+(?:this|it|the (?:escalation|case|disagreement|dispute))\s+(?:one\s+)?(?:off|down|now)\b/,
  /\bplease close (?:the|this) (?:escalation|case|disagreement|dispute)\b/,
  // "The disagreement … is therefore regarded as resolved by both agencies"
  /\b(?:(?:disagreement|dispute|differences?(?: of (?:opinion|view))?|challenge|escalation)\b[^.;]{0,120}?|(?:this|it|that) )(?:is|are|was|were|has been|have been|be|been|being)\s+(?:now\s+|therefore\s+|jointly\s+){0,2}(?:regarded|considered|treated|recorded|logged|marked)\s+as\s+(?:now\s+)?(?:resolved|closed|settled|concluded)\b/,
  // "consider my challenge withdrawn", "treating our stage 2 disagreement as done with", "treat the practice's disagreement as at an end"
  /\b(?:consider|treat|mark|regard|call|record|log)(?:s|ing|ed)?\s+(?:it|(?:this|the|our|that|my|(?:the |our )?[a-z]+'s)(?: (?:stage|step|level) [a-z0-9]+)?(?: (?:professional )?(?:matter|case|escalation|disagreement|dispute|challenge|referral))?(?: between (?:us|our (?:teams|agencies|services)))?)(?: one)?\s+(?:as\s+)?(?:now\s+)?(?:partly |partially |largely |mostly |only )?(?:closed|resolved|concluded|settled|sorted|over|ended|done(?: with)?|finished|at an end)\b/,
  // "both agencies consider the professional disagreement to be resolved": only the disagreement itself, never "the case".
  /\b(?:consider|treat|regard)(?:s|ing|ed)?\s+(?:the|our|this|my) (?:professional )?(?:disagreement|dispute|escalation|challenge)(?: between [a-z ]{1,30}?)?\s+to be\s+(?:now\s+)?(?:closed|resolved|concluded|settled|at an end)\b/,
  // "consider my challenge withdrawn": the challenge itself, not a step threatened ("treat that as withdrawn")
  /\b(?:consider|treat|regard)(?:s|ing|ed)?\s+(?:my|our|the|this|[a-z]+'s) (?:challenge|escalation|dispute|disagreement|objection|dissent)\s+(?:as\s+)?withdrawn\b/,
  // "the school will regard the concerns in our Appendix 3 form as met"
  /\b(?:regard|consider|treat)(?:s|ing)? (?:the|our|my) concerns? (?:[a-z0-9 ]{0,40}? )?as (?:now )?(?:met|addressed|answered|resolved|satisfied)\b/,
  // "you can take that as the end of it", "it's the end of the disagreement as far as we're concerned"
  /\b(?:take|treat) (?:that|this|it) as the end of (?:it|the matter|this|the disagreement|the dispute|our challenge)\b|\b(?:that|it|this) is the end of (?:the|this|our) (?:disagreement|dispute|matter|escalation|challenge)\b/,
  // colloquial: "that's it done and dusted", "we're all squared away on that", "were sorted between the two of us"
  /\b(?:done and dusted|(?:we are|were|we|that is|that|all) (?:all )?squared away)\b/,
  // "school is happy with where Children's Services have landed", "I've got no problem with that decision now"
  /\b(?:happy|content|comfortable) with where (?:[a-z']+ ){1,3}(?:have |has )?landed\b|\bno (?:problem|issue) with (?:that|the|your|this) (?:decision|outcome|plan)\b(?=[^.;]{0,40}\b(?:now|then|sorted|so)\b)/,
  // "as far as im concerned were sorted between the two of us": "we're" typed as "were", so read from "sorted"
  /(?<=\b(?:we are|were) (?:all )?)sorted between (?:us|the two of us|ourselves)\b/,
  // "we can stand it down at stage 2", "I've told Owain to stand the escalation down"
  /\bstand(?:s|ing)? (?:it|this|the (?:escalation|challenge|dispute|disagreement|matter)|our (?:escalation|challenge)) down\b/,
  // "Content with that - this one's done from our end"
  /\bthis one(?: is|'s) (?:all )?done\b|\b(?:this|it|that) is (?:all )?done (?:from|at|on) (?:our|my) (?:end|side)\b/,
  // "the resolution process for this family has been brought to a close"
  /\b(?:has|have) (?:now )?been brought to (?:a close|an end|a conclusion)\b/,
  // "the dispute about whether we'd treat the family as priority need is done"
  /\b(?:disagreement|dispute|difference of (?:opinion|view)|challenge|escalation)\b[^.;]{0,120}?\b(?:is|are|was) (?:now |therefore |effectively )?(?:done(?: with)?|over(?!\s+(?:the|whether|what|how|a|an|his|her|their|its|who|which|why|when|where|this|that)\b)|finished|at an end|behind us)\b/,
  /\b(?:i am|we are)\s+(?:now\s+|therefore\s+|formally\s+){0,2}closing\s+(?:this|it|the (?:escalation|case|disagreement|dispute))\b/,
  // agreement about the disagreement
  // not "they have agreed": they may be the family
  /\b(?:we (?:are|have)|they are|i are|both (?:agencies|parties|of us|managers) (?:are|have)|all (?:parties|agencies) (?:are|have)) (?:now\s+|all\s+|both\s+){0,2}(?:in (?:full |complete )?agreement|agreed)\b(?!\s+(?:to|that|on|about|with)\b|\s+(?:this|it|we|i|they)\s+(?:now\s+)?(?:needs?|should|must|will|has to|have to|is going|are|am|would|(?:sits|goes|moves|belongs|falls|(?:is|has) (?:now )?(?:at|with|reached|gone|moved))\b(?!(?: up| on| across| over)? (?:better )?(?:to|with|into|onto|under|on to) (?:a |an |the )?(?:cin|cp|child in need|child protection|early help|universal|targeted|tac|taf|section 17|s17)\b))\b|\s+(?:were\s+)?escalat|\s+(?:(?:a|the) (?:date|time|day|venue|room|slot)|(?:mon|tues|wednes|thurs|fri|satur|sun)day|\d)\b)/,
  // in agreement about the matter itself: "we are now in agreement about the plan"
  /\b(?:we|they|and i|and we|both (?:agencies|parties|of us|managers)|all (?:parties|agencies)) (?:are|have) (?:now\s+|all\s+|both\s+){0,2}(?:in (?:full |complete )?agreement|agreed) (?:with|about|on|over) (?:the|your|this|their|our) (?:revised |updated |new |proposed |amended )?(?:plan|decision|outcome|way forward|position|approach|proposal|recommendation|rationale|explanation|response|arrangements)\b(?!\s+(?:for|about|of|to)\b)/,
  // "I don't disagree with the decision any more", "we no longer disagree"
  /\b(?:i|we) (?:(?:do|does) not disagree\b[^.;]{0,60}?\bany ?more|no longer disagree)\b/,
  // "that resolves it for us", "this brings the disagreement to a close"
  // "The resolution meeting has settled this", "the call resolved it".
  /\b(?:meeting|discussion|call|conversation|panel|decision) (?:has |have )?(?:now )?(?:settled|resolved) (?:this|it|matters|(?:the|our) (?:matter|disagreement|dispute|issue))\b(?! (?:of|about|with|over|around|regarding|for)\b)/,
  /\b(?:that|this|which) (?:resolves|settles|ends|closes) (?:it|this|things|matters|(?:the|our) (?:professional )?(?:disagreement|dispute|difference(?: of (?:opinion|view))?|matter|escalation|challenge))\b/,
  /\bbrings? (?:the|this|our) (?:disagreement|dispute|escalation|matter|differences?|difference of (?:opinion|view)) to (?:a close|an end|a conclusion)\b/,
  // every side satisfied: "Both parties are now satisfied"
  /\b(?:both|all) (?:parties|agencies|of us|sides|managers|teams) (?:are|were|have been) (?:now |all )?(?:satisfied|content|happy|reassured)\b(?:\s*[.!]*\s*$|\s+with (?:the|this|that|your|their) (?:revised |updated |new |proposed |amended )?(?:plan|decision|outcome|way forward|position|approach|proposal|recommendation|rationale|explanation|response|arrangements)\b(?!\s+(?:for|about|of|to)\b))/,
  // going with the other side's decision: "we've agreed to go with your plan", "happy to go with the Head of Service's decision"
  /\b(?:agreed|happy|content|decided|willing) to (?:go with|accept|follow|abide by) (?:the|your|their|this|that|[a-z]+'s)\s+(?:[a-z']+\s+){0,4}?(?:decision|plan|outcome|recommendation|view|position|proposal)\b(?!\s+(?:for|about|of|to)\b)/,
  // "that is us in agreement then", "leaves us in agreement"
  /\b(?:that is|leaves|puts|which leaves) us (?:now |all |both )?(?:in agreement|agreed|on the same page|sorted)\b/,
  // no further action on the disagreement itself (not the child's NFA)
  /\bno further action (?:is |will be )?(?:needed|required|necessary) (?:on|under|for|in relation to|regarding|with) (?:the|this|our) (?:professional )?(?:disagreement|dispute|escalation|challenge|resolution process|escalation process)\b/,
  // "we accept it in full": the decision just named
  /\b(?:i|we|the \w+) (?:now |fully |therefore )?accepts? (?:it|this|that|them) (?:in full|fully|as final|without reservation)\b/,
  /\b(?:reached|agreed|found|come to|arrived at)\s+(?:an?\s+|the\s+|some\s+)?(?:(?:local|full|shared|amicable|final|mutual|proper)\s+)?(?:agreement|way through|resolution|way forward|consensus|compromise|agreed position|shared position|shared understanding|common understanding|outcome (?:we|both)|(?:mutually (?:agreeable|acceptable) |agreed |joint |shared )(?:outcome|position|plan|way forward))\b/,
  /\b(?:agreement|resolution|consensus|a way forward)\s+(?:has\s+|have\s+)?(?:now\s+)?(?:been\s+)?(?:was\s+)?(?:reached|agreed|found|achieved)\b/,
  /\bway forward (?:has been|was|is) agreed\b/,
  // satisfied or reassured by the other side
  /\b(?:i am|we are|i feel|we feel|(?:and|now|also|so) (?:am|are))\s+(?:now\s+|fully\s+|entirely\s+|completely\s+){0,2}(?:satisfied|reassured|content)\s+(?:with|by|that)\s+(?:the|your|their|this|that|it)\b/,
  /\b(?:i am|we are)\s+(?:now\s+|fully\s+)?(?:satisfied|reassured|content)\b\s*(?:now|thanks?|thank you|with that|with this)?\s*[.!]*\s*$/,
  // withdrawn
  /\b(?:withdraw(?:s|ing|n)?|withdrew)\s+(?:my|our|the|this|their|its|his|her)\s+(?:[a-z0-9']+\s+){0,3}?(?:escalation|challenge|concern|disagreement|dispute|referral|objection)\b/,
  /\b(?:escalation|challenge|dispute|disagreement|referral)\s+(?:is|has been|was)\s+(?:now\s+)?withdrawn\b/,
  /\bno longer (?:disagree|disagreeing|dispute|disputing|disputed|in dispute|contest(?:ing|ed)?|challenging|(?:wish|want) to (?:pursue|escalate|challenge|take (?:this|it) further))\b/,
  // "the dispute has ended", "the disagreement has come to an end"
  /\b(?:disagreement|dispute|escalation|challenge) (?:has|have|is|was) (?:now )?(?:ended|over|come to an end|been withdrawn)\b/,
  // "we have closed the escalation"
  /\b(?:we|i|they)\s+(?:have\s+|has\s+|now\s+|jointly\s+){0,2}closed\s+(?:this|it|the|our)\s+(?:escalation|disagreement|dispute|matter|challenge)\b/,
  // "we are all on the same page now"
  /\b(?:we are|we have|both agencies are|both of us are|everyone is) (?:now |all |both |finally ){0,2}(?:on the same page|in the same place|aligned)\b/,
  // every side agreeing, with nothing after it or only the matter: "Both parties have agreed", "Both managers agreed the outcome"
  /\b(?:both|all) (?:agencies|parties|managers|partners|of us|sides|professionals|teams)(?: involved)? (?:have |has )?(?:now |all |since |each )?(?:agreed|agree|accept(?:ed)?)\b(?:\s+(?:with\s+)?(?:the|this|that|a|an|our)\s+(?:(?:revised|updated|new|proposed)\s+)?(?:plan|outcome|decision|way forward|position|approach|recommendation|resolution)s?\b(?!\s+(?:for|about|to|on the|of the)\b)|\s*[.!]*\s*$)/,
  // agreement with the decision in dispute
  /\b(?:i|we)\s+(?:have\s+|now\s+|fully\s+|do\s+){0,2}(?:agree|agreed|accept|accepted)\s+(?:with\s+)?(?:your|the|their)\s+(?:decision|position|rationale|reasoning|view|assessment|conclusion|outcome|explanation)(?!\s+(?:for|about|on the)\b)/,
  // accepted final decisions
  /\baccept(?:s|ed|ing)?\s+(?:the|their|your|this|that)\s+(?:[a-z0-9']+\s+){0,4}?(?:final\s+|binding\s+)*(?:decision|outcome|recommendations?|ruling|determination|conclusion|findings)\b/,
  // "the Trust and Children's Services have settled our disagreement": the disagreement itself named as settled
  /\b(?:have|has|had)\s+(?:now\s+|finally\s+|successfully\s+){0,2}(?:resolved|settled|sorted(?: out)?)\s+(?:our|the|this|their) (?:professional )?(?:disagreement|dispute|differences?)\b/,
  /\b(?:both|all) (?:agencies|parties|partners|of us) (?:have )?(?:now )?(?:confirmed (?:that )?(?:they|we) )?accept(?:ed)? (?:this|that|it)\b/,
  /\b(?:this|that|which) (?:concludes|closes|ends|resolves|settles) (?:the|this|our) (?:escalation|process|matter|dispute|disagreement)\b/,
  // colloquial agreement: "all agreed now", "we are both happy with the plan"
  /\b(?:all|everything is|it is all|that is all) agreed\b(?!\s+(?:the|that|on|to|with|about|a|an|this|our|your)\b)/,
  // "concluded" only of the disagreement: "the s47 was concluded with no further action" is another process
  /\b(?:this|it|the (?:matter|disagreement|dispute|escalation|issue|process|challenge|resolution process))\s+(?:is|has been|was|have been|are|were)\s+(?:now\s+|therefore\s+|finally\s+){0,2}concluded\b/,
  /\b(?:we are|we have|i am|both (?:of us|teams|agencies|parties|managers|services) (?:are|have)|both) (?:both |all )?(?:now |fully )?(?:happy|content|satisfied|comfortable) with (?:the|this|that|your|their) (?:revised |updated |new |proposed |amended |[a-z]{2,12} )?(?:plan|decision|outcome|way forward|position|approach|proposal|recommendation|rationale|explanation|response|arrangements)\b(?!\s+(?:for|about|of|to)\b)/,
  /\b(?:decision|outcome|recommendation)s?\s+(?:of the (?:panel|chair|executive|board)\s+)?(?:has|have|is|are|was|were)\s+(?:been\s+)?(?:now\s+)?accepted\b/,
  // the disagreement named, then its end: "the disagreement you raised on 12 March is now closed", "the matter between our two agencies is concluded"
  /\b(?:the|this|our|that) (?:professional |stage \w+ )?(?:disagreement|dispute|escalation|challenge|matter|difference of (?:view|opinion)|differing views|differences)\b[^.;]{0,160}? (?:is|has been|was|are|have been|were) (?:now |therefore |finally ){0,2}(?:closed|resolved|settled|concluded|at an end|over|finalised|finalized)\b/,
  // satisfied that it is dealt with: "I'm satisfied that our disagreement has been dealt with", "happy that our disagreement is concluded"
  /\b(?:satisfied|content|happy|pleased|reassured|glad) (?:that )?(?:our|the|this|my) (?:professional )?(?:disagreement|dispute|difference of (?:view|opinion)|concerns?|challenge|escalation) (?:has|have|is|are|was|were)(?: now| fully)?(?: been)? (?:now |fully |properly ){0,2}(?:dealt with|addressed|resolved|concluded|settled|over|at an end|answered|met)\b/,
  // "take this as our withdrawal of the escalation"
  /\b(?:our|my|the|their|its) withdrawal of (?:the|our|my|this|their|its) (?:[a-z0-9']+ ){0,2}?(?:escalation|challenge|dispute|disagreement|objection|referral)\b/,
  // "we are standing down our escalation"
  /\bstand(?:s|ing)? down (?:my|our|the|this|their|its) (?:[a-z0-9']+ ){0,2}?(?:escalation|challenge|dispute|disagreement|objection)\b/,
  // "we are no longer at odds", "of one mind", "content with where we ended up"
  /\bno longer (?:at odds|in disagreement|apart|in dispute)\b/,
  /\b(?:we are|we have been|we have|both (?:of us|agencies|services) are) (?:now |finally |all |both ){0,2}(?:of (?:one|the same) mind|at one)\b/,
  /\b(?:happy|content|comfortable|satisfied) with where (?:we|things|this) (?:have |has )?(?:ended up|landed|got to|came out|are now)\b/,
  // "the disagreement between the two teams ended at the senior managers' meeting", "concluded by agreement on 2 April"
  // …not another thing's end after a word that starts its own clause: "our disagreement … after she told him the s47 had concluded".
  /\b(?:the|this|our|that) (?:professional |stage \w+ )?(?:disagreement|dispute|escalation|challenge|difference of (?:view|opinion))\b(?:(?!\b(?:after|before|when|because|since|until|once|told|said|says)\b)[^.;]){0,160}? (?:ended|concluded|came to an end|finished)\b(?! up)/,
  /\b(?:matter|disagreement|dispute|issue|escalation)'s (?:now |all )?(?:settled|resolved|sorted|closed|over)\b/,
  /\b(?:that|this) is the end of (?:it\b|(?:the|this|that|our) (?:matter|disagreement|dispute|escalation|challenge)\b)/,
  // "that's it resolved as far as we're concerned"
  /\b(?:that|this) is (?:it|us|everything) (?:all )?(?:resolved|settled|sorted|closed)\b/,
  /\bdraw(?:ing|n)? a line under (?:this|it|that|the (?:matter|disagreement|dispute|escalation|challenge))\b/,
  /\b(?:i|we) (?:now )?no longer have (?:any )?concerns? (?:about|over|with) (?:the|your|their|this) (?:[a-z-]+ )?(?:decision|closure|plan|outcome|response|step-?down)\b/,
  /\b(?:that is|that's) us (?:done|finished)(?: (?:on|with) (?:this|it|the (?:disagreement|dispute|escalation|matter)))?\s*[.!]*$/,
  /\b(?:reach|reached|achieve|achieved) (?:a |an |the )?(?:final |full )?(?:resolution|agreement|consensus)\b(?! (?:on|about) (?:a|the) (?:date|time|venue|room))/,
  // "an interim position we can both work with", "I'd describe where we are as resolved in principle": said, then qualified
  /\b(?:reached|agreed|found|come to|arrived at) (?:an? )?(?:interim|holding|temporary) (?:position|arrangement|agreement|way forward)\b/,
  /\b(?:describe|regard|consider|see)\w* (?:where we are|where things are|things|the position) as (?:now )?(?:resolved|settled|agreed)\b/,
];

/** "No need to take this any further": the step declined. */
// "There's no need for this to go any further from West Mercia's point of view": the writer's own side declining the step.
const NO_NEED = String.raw`no need (?:(?:to|for us to) (?:take|escalate|pursue) (?:this|it|things|the matter)|for (?:this|it|the matter) to (?:go|be taken|be escalated) (?:any )?further (?:from|on) (?:our|my|[a-z ]{2,30}'s) (?:point of view|side|end|perspective))`;
/** The same, with what follows it, to take out of what a negation is looked for in. */
const NO_FURTHER_G = new RegExp(String.raw`\b${NO_NEED}(?: any further| further)?\b`, 'g');

/** The disagreement and what it is about, up to the verb: "the dispute between our organisations about Mrs P's move…". */
const TOPIC_AFTER =
  /\b(?:disagreement|dispute|difference(?: of (?:opinion|view))?|challenge|escalation)s? (?:between|about|over|regarding|concerning|around|re)\b[^;:]*$/;

/** Words set off between dashes inside a clause. */
const ASIDE = / - (?:(?! - ).){1,160} - | \([^()]{0,160}\)/g;

/** Resolutions that are negative in form: "no need to take this any further", "I won't be taking this further". */
const NO_FURTHER = new RegExp(
  String.raw`\b(?:${NO_NEED}|(?:will|shall|do|are|does) not (?:(?:intend|plan|wish|want|need) to )?(?:be )?(?:tak(?:e|ing)|escalat(?:e|ing)|pursu(?:e|ing)) (?:(?:this|our|my) (?:escalation|challenge|disagreement|dispute|matter)|this|it|that|things|the matter|the (?:disagreement|dispute|escalation|challenge)|our concerns?))(?:\s+(?:any\s+)?(?:further|higher))?\b|\bno further action (?:is )?(?:needed|required|necessary) under the (?:escalation|resolution|dispute)`,
);

/** Words of an end said in other ways ("common ground", "draw a line under", "that's us done"): a resolution's and a relevant sentence's alike. */
export const ENDING_WORDS = String.raw`shared position|common ground|reach|at odds|withdrawal|stand(?:s|ing)? down|one mind|same mind|where we|end of|line under|us done`;

/** A cheap first test: no resolution statement lacks every one of these. */
const HINT = new RegExp(
  String.raw`further|happy|understanding|conclud|resol|settl|sort|agree|close|closing|done|squared|landed|stand|problem|brought to|regard|consider|to bed|ironed|way through|finished|withdraw|satisf|reassur|accept|content|good now|fine now|no longer|no further|conclud|consensus|compromise|put to bed|way forward|ended|\bover\b|come to an end|same page|same place|aligned|disput|contest|challeng|${ENDING_WORDS}`,
);

/** Resolved in part, or with a reservation: the partnership should look. */
const PARTIAL = new RegExp(
  String.raw`\b(?:in part|partly|partially|(?:only|in|for|on|with|about|over|regarding|agreed?|accept(?:ed)?|resolved|settled) part of|part of (?:it|this|the (?:disagreement|dispute|issue|concern|matter|escalation))|some of|mostly|largely|for the most part|to some extent|most of|one of the|some aspects|aspects|elements of|except|apart from|save for|other than|agreed to disagree|agree to disagree|(?:first|second|third|last|one) (?:recommendation|point|part|action|issue|element)|for (?:our|my) part|not fully|in principle|for now|for the time being|provisionally|pending|${ON_TERMS})\b`,
);

/** "Provided" as a condition ("provided the meeting goes ahead"), not a verb ("the information she provided was…"). */
const PROVIDED = String.raw`provid(?:ed|ing)(?= (?:that|it|this|the|we|they|you|he|she|there|our|your|their|i|all|both)\b)`;

/** What the end waits on, just after its words: "happy to close once the plan is updated". */
const WAITS_ON = new RegExp(
  String.raw`^[^:;-]{0,40}?\b(?:once|as soon as|when|until|${PROVIDED}|so long as|as long as|on (?:the )?condition)\b(?! (?:we|they|i|you|both|all) (?:[a-z]+ )?(?:met|spoke|talked|had|was|were|did|agreed|got|sat)\b)`,
);
/**
 * A resolution given on terms: "provided the meeting goes ahead, I'm content to regard this as sorted", "the ICB
 * accepts the decision, subject to written confirmation". Agreed, but not yet: for the partnership to look at.
 */
const PROVISO = new RegExp(String.raw`\b(?:${PROVIDED}|${ON_TERMS}|so long as|as long as|on condition|on the understanding)\b`);

/** Said by a record or another message: "the case note … saying our escalation was closed". */
const RELAYED =
  /\b(?:note|notes|record|records|minutes|entry|email|e-mail|letter|log|system|message)\b[^.;]{0,60}\b(?:saying|says|said|states|stated|stating|suggesting|suggests|showing|shows)(?: that)?\s+(?:[a-z']+\s+){0,4}$|\b(?:you|they|he|she) (?:have |has |had )?(?:put|written|wrote|recorded|noted|minuted|stated) (?:down |in the [a-z]+ )?(?:that )?(?:[a-z']+\s+){0,4}$/;

/** A later clause that takes the resolution back: "…, but we still disagree about…". */
const RESERVATION =
  /^(?:but|however|although|though|whereas|except)\b.*\b(?:still|remain|concern|disagree|not|outstanding|unresolved|issue|worried)\b/;

/** Where the verb phrase a match belongs to starts: after the last comma, colon, semicolon or "and" with a new subject. */
function lastBoundary(before: string): number {
  let at = 0;
  for (const match of before.matchAll(/[,;:]\s*|\s-\s+|\s(?:and|but) (?=(?:the|this|that|it|we|i|they|both|our|your)\b)/g))
    at = match.index + match[0].length;
  return at;
}

/** What a disagreement is about, put as a question: "the disagreement about whether…", "the dispute over how…". */
const EMBEDDED_QUESTION =
  /(?<=\b(?:disagreement|dispute|difference|question|issue|opinion|opinions|views?))\s+(?:about|over|as to|regarding|concerning|on)\s+(?:whether|if|how|why|who|when)\b/;

export interface ResolutionReading {
  resolved: boolean;
  how: 'statement' | 'negated' | 'conditional' | 'question' | 'modal' | 'past' | 'partial' | 'counterfactual';
}

/** What a clause says about the disagreement having ended. */
export function readResolution(
  clause: string,
  scope: ClauseScope,
  question: boolean,
  rest: readonly string[],
  earlier = '',
): ResolutionReading | null {
  if (!HINT.test(clause)) return null;
  let match: RegExpExecArray | null = null;
  for (const pattern of RESOLVED) {
    match = pattern.exec(clause);
    if (match) break;
  }
  if (!match) {
    const further = NO_FURTHER.exec(clause);
    if (further && /further|higher|under the/.test(further[0])) {
      if (question) return { resolved: false, how: 'question' };
      if (scope.conditional) return { resolved: false, how: 'conditional' };
      if (scope.past) return { resolved: false, how: 'past' };
      // "not taking this further until I have spoken to my manager", "… at the moment": held, not ended.
      const after = clause.slice(further.index + further[0].length);
      if (/\b(?:until|unless|once|when|before)\b/.test(after)) return { resolved: false, how: 'conditional' };
      if (PARTIAL.test(clause) || /\bat (?:the|this) (?:moment|stage|point|time)\b/.test(after)) return { resolved: false, how: 'partial' };
      return { resolved: true, how: 'statement' };
    }
    if (/\b(?:no|not)\b.{0,30}\b(?:agreement|resolution|consensus|way forward)\b|\bunresolved\b|\bagreed to disagree\b/.test(clause))
      return { resolved: false, how: /\bagreed? to disagree\b/.test(clause) ? 'partial' : 'negated' };
    return null;
  }
  // "I can confirm (that) the dispute is now resolved": what is reported, not the reporting verb, carries the modality.
  const reported = /^.*\b(?:confirm|say|let you know|report|inform you|advise|update you|glad to say|pleased to say|note)(?: that)?\b/.exec(
    clause.slice(0, match.index),
  );
  // "the disagreement about whether the incident should have gone to a strategy discussion was resolved this morning":
  // what the disagreement was about is a question of its own, and its "should have" governs nothing here (a "not"
  // after it still does: "the disagreement about whether the threshold is met has not been settled").
  // "I don't think it would be right to say there's no disagreement left": the saying denied.
  if (reported && /\b(?:not|never|wrong|premature|too (?:early|soon))\b/.test(reported[0])) return { resolved: false, how: 'negated' };
  // "…before I go back to Andrea and say we're agreed": the saying still to come.
  if (reported && /\b(?:before|until|unless|if|once)\b/.test(reported[0])) return { resolved: false, how: 'conditional' };
  const said = clause.slice(reported ? reported[0].length : 0, match.index);
  const about = EMBEDDED_QUESTION.exec(said);
  const before = about
    ? said.slice(0, about.index) + said.slice(about.index).replace(/\b(?:should|would|could|might|may|must|ought to)(?: have)?\b/g, ' ')
    : said;
  // Modality governs its own verb phrase: "the case will be heard at MARAC, and the DASH question is no longer
  // in dispute" — only the words since the last comma, colon or coordinated new subject carry it.
  const words = match[0];
  // A match that starts at a dash or a colon starts a verb phrase of its own.
  const own = /^[-:]/.test(words) ? '' : before.slice(lastBoundary(before));
  // The family, the child or a court accepting or agreeing is no end of the professionals' disagreement.
  // "the resolution process for this family has been brought to a close": the family named after "for" is no subject.
  const family =
    /(?:^|\s)(?:([a-z]+)\s+(?:this\s+|the\s+|that\s+|their\s+)?)?(?:family|mum|mother|dad|father|parents?|carers?|child|young person|grandparents?|court|judge|patient|resident|he|she)\s+(?:has\s+|have\s+|had\s+|now\s+|also\s+){0,2}$/.exec(
      clause.slice(Math.max(0, match.index - 40), match.index),
    );
  if (family && !/^(?:for|of|with|about|regarding|concerning|on|to|by)$/.test(family[1] ?? '')) return null;
  // "the case note on the shared record saying our escalation was closed": what a record or someone else says, not the writer.
  // 'The "happy that this is now closed" was meant for another case': words in quotation marks are quoted, not said.
  if (RELAYED.test(before) || quoted(clause, match.index)) return { resolved: false, how: 'past' };
  // "The IT issue is resolved", "we reached agreement on the interpreter booking": other business.
  // Its subject is the disagreement, not what the disagreement was about.
  const lead = about ? `${clause.slice(0, match.index - said.length + about.index)} ` : clause.slice(0, match.index);
  // "…were sorted between the two of us": said of the two of us, whatever stands before it.
  const ofUs = /^sorted between\b/.test(words);
  if (
    !ofUs &&
    (aboutSomethingElse(lead + clause.slice(match.index), lead.length, words) || pronounForOtherBusiness(clause, match.index, earlier))
  ) {
    // "the referral was accepted on review and the difference between our two services was resolved": read on after it.
    const further = clause.slice(match.index + words.length);
    return /\b(?:and|but|so)\b/.test(further) ? readResolution(further, scope, question, rest, earlier) : null;
  }
  // "She has asked to keep seeing the counsellor, which we've agreed": what was agreed is what "which" stands for.
  if (/\bwhich\s+(?:[a-z]+\s+){0,2}$/.test(clause.slice(Math.max(0, match.index - 30), match.index))) return null;
  // "Agreed, Tuesday works", "Agreed - I will send the chronology": a bare word of assent followed by what is
  // assented to, in the same sentence, is agreement with that, not the end of the disagreement.
  // "Agreed - happy to close this from our side": unless what follows says it ended.
  const assent = /^(?:yes,? )?(?:agreed|accepted|all agreed)\s*(?:[.!]*\s*[-,]?\s*$|[-,]\s*(?=\S))/.exec(clause);
  if (assent && (rest.length > 0 || /[-,]\s*\S/.test(clause))) {
    const following = clause.slice(assent[0].length);
    return following ? readResolution(following, scope, question, rest, earlier) : null;
  }
  // "We're sorted: contact stays supervised for now": after a colon or a dash comes what was agreed, and
  // its words ("for now", "part of") qualify the plan, not the resolution.
  const end = match.index + words.length;
  const content = /^\s*[:-]/.exec(clause.slice(end));
  // "great, that's settled then: Tuesday 21st at 9.30, room 2.14": a day, a time or a place settled.
  const following = clause.slice(end).trim() || (rest[0] ?? '');
  if (
    /^\s*(?:then\s*)?[:-]\s*(?:(?:on\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\d{1,2}(?:st|nd|rd|th)\b|\d{1,2} (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|(?:at\s+)?\d{1,2}(?:[.:]\d{2}|\s?am\b|\s?pm\b))/.test(
      following,
    )
  )
    return null;
  const head = content ? clause.slice(0, end) : clause;
  const counterfactual = content
    ? scopeWords.COUNTERFACTUAL.test(head)
    : about
      ? scopeWords.COUNTERFACTUAL.test(`${before} ${clause.slice(match.index)}`)
      : scope.counterfactual;
  if (question) return { resolved: false, how: 'question' };
  // "send the form when a disagreement is resolved": a time clause says when, not that it has.
  if (scope.conditional || /\b(?:when|whenever|once|until|unless|before|after|if|whether|while|whilst)\s+(?:[a-z']+\s+){0,4}$/.test(before))
    // "Provided the s47 is opened today, we'd be happy to consider this closed": a hypothetical end, on terms not yet met.
    return { resolved: false, how: PROVISO.test(`${earlier} ${clause}`) && !/\bwould\b/.test(clause) ? 'partial' : 'conditional' };
  // "the dispute between our organisations about Mrs P's move without an up-to-date capacity assessment is now resolved":
  // what the disagreement is about is no denial of its end; the words just before the verb still are ("… has not been").
  const topic = TOPIC_AFTER.exec(before);
  const denials = topic ? `${before.slice(0, topic.index)} ${before.slice(topic.index).split(/\s+/).slice(-4).join(' ')}` : before;
  if (
    // "no need to take it any further, happy for this to be closed": the step declined is the end, not its denial.
    // "What I'm not able to do – having gone back through our logs – is … tell you that the school regards the matter as resolved".
    /\bwhat (?:i|we) (?:am|are|was|were) (?:not|never|unable) (?:able |going |prepared |willing )?to do\b/.test(`${earlier} ${before}`) ||
    // "the issue I raised - the decision not to convene a strategy discussion - has been resolved": an aside between dashes names the issue.
    // "there is nothing for the partners to determine - please log the referral as resolved": a dash starts a new statement.
    scopeWords.NEGATION.test(afterLastDash(denials.replace(NO_FURTHER_G, ' ').replace(ASIDE, ' '))) ||
    // "I still don't think | we're in the same place on this": the belief denied in the clause before governs this one.
    (before.trim() === '' &&
      /\b(?:not|never)\s+(?:really |honestly |actually |quite )?(?:think|believe|feel|consider)(?: that)?\s*$/.test(earlier)) ||
    /\b(?:no|not|never)\s+(?:[a-z]+\s+){0,2}$/.test(before) ||
    /\b(?:not|never|un|yet to|still to|far from)\b/.test(words.replace(/\bnot disagree\b/, 'agree')) ||
    /^\s*(?:yet|at all)\b/.test(clause.slice(match.index + words.length)) ||
    /\b(?:remains?|still|yet to|unable|far from|nowhere near)\b/.test(denials)
  )
    return { resolved: false, how: 'negated' };
  // "That settles things for now": a resolution held for the time being is a qualified one, not one that did not happen.
  // "happy to stand down our escalation at this point": for a resolution, "at this point" is now.
  const setAside =
    counterfactual &&
    !(content === null && /\bat this point\b/.test(clause) && !scopeWords.COUNTERFACTUAL.test(clause.replace(/\bat this point\b/g, ' ')));
  if (setAside) return { resolved: false, how: PARTIAL.test(head) ? 'partial' : 'counterfactual' };
  if (
    /\b(?:(?:important|essential|vital|crucial|imperative) (?:that|to)|will|shall|going to|would|should|must|need(?:s|ed)? (?:to|this|it)|want|wants|wish|hope|hoping|expect|expected|aim|aiming|try|trying|seek|seeking|to be|in order to|so that|can|could|may|might|(?<!(?:were|was|have been|has been|had been) )able to|work(?:ing)? towards|until|by (?:friday|monday|tuesday|wednesday|thursday|the end)|within)\b/.test(
      own.replace(MAY_DATE, ' '),
    ) &&
    !/\b(?:happy|content|fine|ok|okay|pleased|agree(?:d)?) (?:for [a-z ]{1,30} )?to\s*$/.test(before) &&
    // "we can close this now" is the end said; "my hope is that we can put this to bed on Friday" is not.
    !(
      /\b(?:we|you|i|this|it|the \w+)\s+can\s*(?:now\s*)?(?:be\s*)?$/.test(before) &&
      !/\b(?:hope|hoping|wish|wishing|expect|expecting|aim|aiming|plan|planning)\b/.test(before) &&
      !scopeWords.FUTURE_DAY.test(clause.slice(match.index))
    ) &&
    // "I would like to withdraw my challenge": the withdrawal made, in the words people make it in.
    !(/\b(?:would like|wish|want|am writing|write) to\s*$/.test(before) && /^withdr/.test(words)) &&
    // "I'd regard this as resolved at Stage 4": a view given, not a wish.
    !/\b(?:i|we) (?:would|will|shall) (?:now )?(?:regard|consider|treat|call|mark)\b/.test(clause) &&
    // "Could the partnership please log the disagreement as resolved": the partnership asked to record the end.
    !/\b(?:could|can|would|will) (?:you|the partnership|someone|your team) (?:please )?(?:log|record|mark|note|treat|close)\b/.test(clause)
  )
    // "Health would be content to close this matter provided the practice is invited…": an end offered on terms.
    return { resolved: false, how: PROVISO.test(clause.slice(match.index)) ? 'partial' : 'modal' };
  if (
    /\b(?:within|by|in) (?:\d+|five|ten|two|three) (?:working )?days\b|\bby (?:friday|monday|tuesday|wednesday|thursday|next week|the end of)\b/.test(
      clause,
    ) &&
    /\bbe (?:resolved|settled|closed)/.test(clause)
  )
    return { resolved: false, how: 'modal' };
  // "happy to close once the plan is updated": the end waits on something still to happen.
  // A colon or a dash starts what was agreed ("Sorted: baby will stay on the ward until the ICPC"), not a condition.
  const after = clause.slice(match.index + words.length);
  if (WAITS_ON.test(after)) return { resolved: false, how: PROVISO.test(after) ? 'partial' : 'conditional' };
  if (scope.past) return { resolved: false, how: 'past' };
  // "from my side, and you said the same": one side's word with the other's is both sides'.
  const bothSides = /\b(?:you|they) (?:said|say|feel|felt|confirmed|agreed|agree) (?:the same|likewise|too)\b|\bor yours\b/.test(
    `${clause} ${rest[0] ?? ''}`,
  );
  // The side that disagreed ending its own disagreement ("no longer any disagreement from our side", "we withdraw
  // our challenge") needs no one else: its side is the whole of it.
  const unilateral = /\bno longer\b|\bwithdr/.test(words);
  const qualified = bothSides || unilateral ? head.replace(/\b(?:from|on) (?:our|my) side\b/g, ' ') : head;
  // "For my part | I'm happy for this to be closed": one side's word, the lead-in cut off as a clause of its own.
  if (
    PARTIAL.test(qualified) ||
    /\b(?:interim|holding|temporary)\b/.test(words) ||
    /\bfor (?:my|our) part\s*,?\s*$/.test(earlier) ||
    rest.some((later) => RESERVATION.test(later))
  )
    return { resolved: false, how: 'partial' };
  return { resolved: true, how: 'statement' };
}
