import { RowTitle as RowTitle_c03904eedab272fdfb789144d18ca3c9 } from '../../../admin/RowTitle/index.tsx'
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
import { PartnerEmbedSnippets as PartnerEmbedSnippets_c2703502ace611df3b0b51ac7ef4e689 } from '../../../admin/PartnerEmbedSnippets/index.tsx'
import { RestoreSubmission as RestoreSubmission_855bfbb2c88127b776df818011b838cb } from '../../../admin/RestoreSubmission/index.tsx'
import { ConvertLead as ConvertLead_71a66a0a9430a5db80ed31f0cd5047e8 } from '../../../admin/ConvertLead/index.tsx'
import { ChinaTimeField as ChinaTimeField_37d85ab6b8c2fd51bae222a63b6a8d84 } from '../../../admin/ChinaTime/index.tsx'
import { SuspectedSpamNotice as SuspectedSpamNotice_5103f66818f8ed2e7dc54ed2345fe912 } from '../../../admin/SuspectedSpamNotice/index.tsx'
import { MaterialsChecklist as MaterialsChecklist_37399bbd4b797c4d9b5b935de371a174 } from '../../../admin/MaterialsChecklist/index.tsx'
import { EmailPreview as EmailPreview_41832b9d28f7f23722bc929d6a37baf0 } from '../../../admin/EmailPreview/index.tsx'
import { EmailHtmlSource as EmailHtmlSource_5dd84d40da762a220170f7eb5bf5f901 } from '../../../admin/EmailHtmlSource/index.tsx'
import { ErasurePreview as ErasurePreview_826da34594ab3b13d4d7ca61ede9c674 } from '../../../admin/ErasurePreview/index.tsx'
import { SalesDashboard as SalesDashboard_22d1fec98d95afc066ea0c99e75c710c } from '../../../admin/SalesDashboard/index.tsx'
import { ChineseAriaLabels as ChineseAriaLabels_3f8e0b98b88d109d57d7ed0ed78c2b23 } from '../../../admin/ChineseAriaLabels/index.tsx'
import { CollectionCards as CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1 } from '@payloadcms/next/rsc'

/** @type import('payload').ImportMap */
export const importMap = {
  "/admin/RowTitle/index.tsx#RowTitle": RowTitle_c03904eedab272fdfb789144d18ca3c9,
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
  "/admin/PartnerEmbedSnippets/index.tsx#PartnerEmbedSnippets": PartnerEmbedSnippets_c2703502ace611df3b0b51ac7ef4e689,
  "/admin/RestoreSubmission/index.tsx#RestoreSubmission": RestoreSubmission_855bfbb2c88127b776df818011b838cb,
  "/admin/ConvertLead/index.tsx#ConvertLead": ConvertLead_71a66a0a9430a5db80ed31f0cd5047e8,
  "/admin/ChinaTime/index.tsx#ChinaTimeField": ChinaTimeField_37d85ab6b8c2fd51bae222a63b6a8d84,
  "/admin/SuspectedSpamNotice/index.tsx#SuspectedSpamNotice": SuspectedSpamNotice_5103f66818f8ed2e7dc54ed2345fe912,
  "/admin/MaterialsChecklist/index.tsx#MaterialsChecklist": MaterialsChecklist_37399bbd4b797c4d9b5b935de371a174,
  "/admin/EmailPreview/index.tsx#EmailPreview": EmailPreview_41832b9d28f7f23722bc929d6a37baf0,
  "/admin/EmailHtmlSource/index.tsx#EmailHtmlSource": EmailHtmlSource_5dd84d40da762a220170f7eb5bf5f901,
  "/admin/ErasurePreview/index.tsx#ErasurePreview": ErasurePreview_826da34594ab3b13d4d7ca61ede9c674,
  "/admin/SalesDashboard/index.tsx#SalesDashboard": SalesDashboard_22d1fec98d95afc066ea0c99e75c710c,
  "/admin/ChineseAriaLabels/index.tsx#ChineseAriaLabels": ChineseAriaLabels_3f8e0b98b88d109d57d7ed0ed78c2b23,
  "@payloadcms/next/rsc#CollectionCards": CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1
}
