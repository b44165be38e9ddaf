import { PhoneCell as PhoneCell_6848433e853063261eba4ecfa52742bc } from '../../../admin/PhoneField/index.tsx'
import { PhoneAfterInput as PhoneAfterInput_6848433e853063261eba4ecfa52742bc } from '../../../admin/PhoneField/index.tsx'
import { RestoreSubmission as RestoreSubmission_855bfbb2c88127b776df818011b838cb } from '../../../admin/RestoreSubmission/index.tsx'
import { LeadActions as LeadActions_a7e596e4f84757482483791f24c81ccb } from '../../../admin/LeadActions/index.tsx'
import { ConvertLead as ConvertLead_71a66a0a9430a5db80ed31f0cd5047e8 } from '../../../admin/ConvertLead/index.tsx'
import { AssigneeCell as AssigneeCell_9416055eca11121fad10808e96dd4bf3 } from '../../../admin/NameCells/index.tsx'
import { AssignToMe as AssignToMe_a701792efe241d79c094b8cd94381d78 } from '../../../admin/AssignToMe/index.tsx'
import { PartnerCell as PartnerCell_9416055eca11121fad10808e96dd4bf3 } from '../../../admin/NameCells/index.tsx'
import { ChinaTimeField as ChinaTimeField_37d85ab6b8c2fd51bae222a63b6a8d84 } from '../../../admin/ChinaTime/index.tsx'
import { RowTitle as RowTitle_c03904eedab272fdfb789144d18ca3c9 } from '../../../admin/RowTitle/index.tsx'
import { StatusHistoryRowLabel as StatusHistoryRowLabel_258e2c4d68d9418ba6820abf0ede5fde } from '../../../admin/StageRowLabel/index.tsx'
import { SuspectedSpamNotice as SuspectedSpamNotice_5103f66818f8ed2e7dc54ed2345fe912 } from '../../../admin/SuspectedSpamNotice/index.tsx'
import { ExportButton as ExportButton_72f443af6254ea08cb4ae11f9d241eaa } from '../../../admin/ExportButton/index.tsx'
import { BulkAssign as BulkAssign_b03632eda345457991c5e68333c9a800 } from '../../../admin/BulkAssign/index.tsx'
import { MaterialsReview as MaterialsReview_a38fd6c59467bada4c7291fc7f3a90a9 } from '../../../admin/MaterialsReview/index.tsx'
import { MaterialsChecklist as MaterialsChecklist_37399bbd4b797c4d9b5b935de371a174 } from '../../../admin/MaterialsChecklist/index.tsx'
import { OrderActions as OrderActions_7276e62f4ab2e5887ef6bb3ce350c406 } from '../../../admin/OrderActions/index.tsx'
import { RejectionRowLabel as RejectionRowLabel_258e2c4d68d9418ba6820abf0ede5fde } from '../../../admin/StageRowLabel/index.tsx'
import { StageHistoryRowLabel as StageHistoryRowLabel_258e2c4d68d9418ba6820abf0ede5fde } from '../../../admin/StageRowLabel/index.tsx'
import { EmailPreview as EmailPreview_41832b9d28f7f23722bc929d6a37baf0 } from '../../../admin/EmailPreview/index.tsx'
import { EmailHtmlSource as EmailHtmlSource_5dd84d40da762a220170f7eb5bf5f901 } from '../../../admin/EmailHtmlSource/index.tsx'
import { PartnerEmbedSnippets as PartnerEmbedSnippets_c2703502ace611df3b0b51ac7ef4e689 } from '../../../admin/PartnerEmbedSnippets/index.tsx'
import { ErasurePreview as ErasurePreview_826da34594ab3b13d4d7ca61ede9c674 } from '../../../admin/ErasurePreview/index.tsx'
import { RscEntryLexicalCell as RscEntryLexicalCell_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { RscEntryLexicalField as RscEntryLexicalField_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { LexicalDiffComponent as LexicalDiffComponent_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { InlineToolbarFeatureClient as InlineToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { HorizontalRuleFeatureClient as HorizontalRuleFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UploadFeatureClient as UploadFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { BlockquoteFeatureClient as BlockquoteFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { RelationshipFeatureClient as RelationshipFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { LinkFeatureClient as LinkFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ChecklistFeatureClient as ChecklistFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { OrderedListFeatureClient as OrderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UnorderedListFeatureClient as UnorderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { IndentFeatureClient as IndentFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { AlignFeatureClient as AlignFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { HeadingFeatureClient as HeadingFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ParagraphFeatureClient as ParagraphFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { InlineCodeFeatureClient as InlineCodeFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { SuperscriptFeatureClient as SuperscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { SubscriptFeatureClient as SubscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { StrikethroughFeatureClient as StrikethroughFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UnderlineFeatureClient as UnderlineFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { BoldFeatureClient as BoldFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ItalicFeatureClient as ItalicFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { PublishStatus as PublishStatus_8fa53e17a5ddb3d8c6b375d23d6b9a0e } from '../../../admin/PublishStatus/index.tsx'
import { SitePublishStatus as SitePublishStatus_49c43c4930e647d9fdecce5c1fb191ef } from '../../../admin/SitePublishStatus/index.tsx'
import { SalesDashboard as SalesDashboard_22d1fec98d95afc066ea0c99e75c710c } from '../../../admin/SalesDashboard/index.tsx'
import { ChineseAriaLabels as ChineseAriaLabels_3f8e0b98b88d109d57d7ed0ed78c2b23 } from '../../../admin/ChineseAriaLabels/index.tsx'
import { CollectionCards as CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1 } from '@payloadcms/next/rsc'

/** @type import('payload').ImportMap */
export const importMap = {
  "/admin/PhoneField/index.tsx#PhoneCell": PhoneCell_6848433e853063261eba4ecfa52742bc,
  "/admin/PhoneField/index.tsx#PhoneAfterInput": PhoneAfterInput_6848433e853063261eba4ecfa52742bc,
  "/admin/RestoreSubmission/index.tsx#RestoreSubmission": RestoreSubmission_855bfbb2c88127b776df818011b838cb,
  "/admin/LeadActions/index.tsx#LeadActions": LeadActions_a7e596e4f84757482483791f24c81ccb,
  "/admin/ConvertLead/index.tsx#ConvertLead": ConvertLead_71a66a0a9430a5db80ed31f0cd5047e8,
  "/admin/NameCells/index.tsx#AssigneeCell": AssigneeCell_9416055eca11121fad10808e96dd4bf3,
  "/admin/AssignToMe/index.tsx#AssignToMe": AssignToMe_a701792efe241d79c094b8cd94381d78,
  "/admin/NameCells/index.tsx#PartnerCell": PartnerCell_9416055eca11121fad10808e96dd4bf3,
  "/admin/ChinaTime/index.tsx#ChinaTimeField": ChinaTimeField_37d85ab6b8c2fd51bae222a63b6a8d84,
  "/admin/RowTitle/index.tsx#RowTitle": RowTitle_c03904eedab272fdfb789144d18ca3c9,
  "/admin/StageRowLabel/index.tsx#StatusHistoryRowLabel": StatusHistoryRowLabel_258e2c4d68d9418ba6820abf0ede5fde,
  "/admin/SuspectedSpamNotice/index.tsx#SuspectedSpamNotice": SuspectedSpamNotice_5103f66818f8ed2e7dc54ed2345fe912,
  "/admin/ExportButton/index.tsx#ExportButton": ExportButton_72f443af6254ea08cb4ae11f9d241eaa,
  "/admin/BulkAssign/index.tsx#BulkAssign": BulkAssign_b03632eda345457991c5e68333c9a800,
  "/admin/MaterialsReview/index.tsx#MaterialsReview": MaterialsReview_a38fd6c59467bada4c7291fc7f3a90a9,
  "/admin/MaterialsChecklist/index.tsx#MaterialsChecklist": MaterialsChecklist_37399bbd4b797c4d9b5b935de371a174,
  "/admin/OrderActions/index.tsx#OrderActions": OrderActions_7276e62f4ab2e5887ef6bb3ce350c406,
  "/admin/StageRowLabel/index.tsx#RejectionRowLabel": RejectionRowLabel_258e2c4d68d9418ba6820abf0ede5fde,
  "/admin/StageRowLabel/index.tsx#StageHistoryRowLabel": StageHistoryRowLabel_258e2c4d68d9418ba6820abf0ede5fde,
  "/admin/EmailPreview/index.tsx#EmailPreview": EmailPreview_41832b9d28f7f23722bc929d6a37baf0,
  "/admin/EmailHtmlSource/index.tsx#EmailHtmlSource": EmailHtmlSource_5dd84d40da762a220170f7eb5bf5f901,
  "/admin/PartnerEmbedSnippets/index.tsx#PartnerEmbedSnippets": PartnerEmbedSnippets_c2703502ace611df3b0b51ac7ef4e689,
  "/admin/ErasurePreview/index.tsx#ErasurePreview": ErasurePreview_826da34594ab3b13d4d7ca61ede9c674,
  "@payloadcms/richtext-lexical/rsc#RscEntryLexicalCell": RscEntryLexicalCell_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/rsc#RscEntryLexicalField": RscEntryLexicalField_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/rsc#LexicalDiffComponent": LexicalDiffComponent_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/client#InlineToolbarFeatureClient": InlineToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#HorizontalRuleFeatureClient": HorizontalRuleFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UploadFeatureClient": UploadFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#BlockquoteFeatureClient": BlockquoteFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#RelationshipFeatureClient": RelationshipFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#LinkFeatureClient": LinkFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ChecklistFeatureClient": ChecklistFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#OrderedListFeatureClient": OrderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UnorderedListFeatureClient": UnorderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#IndentFeatureClient": IndentFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#AlignFeatureClient": AlignFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#HeadingFeatureClient": HeadingFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ParagraphFeatureClient": ParagraphFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#InlineCodeFeatureClient": InlineCodeFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#SuperscriptFeatureClient": SuperscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#SubscriptFeatureClient": SubscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#StrikethroughFeatureClient": StrikethroughFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UnderlineFeatureClient": UnderlineFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#BoldFeatureClient": BoldFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ItalicFeatureClient": ItalicFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "/admin/PublishStatus/index.tsx#PublishStatus": PublishStatus_8fa53e17a5ddb3d8c6b375d23d6b9a0e,
  "/admin/SitePublishStatus/index.tsx#SitePublishStatus": SitePublishStatus_49c43c4930e647d9fdecce5c1fb191ef,
  "/admin/SalesDashboard/index.tsx#SalesDashboard": SalesDashboard_22d1fec98d95afc066ea0c99e75c710c,
  "/admin/ChineseAriaLabels/index.tsx#ChineseAriaLabels": ChineseAriaLabels_3f8e0b98b88d109d57d7ed0ed78c2b23,
  "@payloadcms/next/rsc#CollectionCards": CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1
}
