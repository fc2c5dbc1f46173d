"use client";

import { useTranslations } from "next-intl";
import { updatePlaybookAction } from "../actions";
import { useFormAction } from "@/components/forms/use-form-action";
import { TextField } from "@/components/forms/text-field";
import { TextareaField } from "@/components/forms/textarea-field";
import { FormFooter } from "@/components/forms/form-footer";

interface Props {
  fraudType: string;
  version: number;
  title: string;
  content: string;
  maxLength: number;
}

/** A refused save (a conflict, a field error) keeps the admin's text in the form, to copy or retry. */
export function PlaybookForm({ fraudType, version, title, content, maxLength }: Props) {
  const t = useTranslations("adminConfig.playbooks");
  const { state, pending, formProps } = useFormAction(updatePlaybookAction);
  const err = state.fieldErrors ?? {};
  return (
    <form {...formProps} noValidate aria-label={t("formLabel")} className="space-y-4">
      <input type="hidden" name="fraudType" value={fraudType} />
      <input type="hidden" name="version" value={version} />
      <TextField id="pb-title" name="title" defaultValue={title} maxLength={100} label={t("titleLabel")} errors={err.title} />
      <TextareaField
        id="pb-content"
        name="content"
        defaultValue={content}
        rows={20}
        maxLength={maxLength}
        label={t("contentLabel")}
        hint={t("contentHint", { max: maxLength })}
        errors={err.content}
        controlClassName="font-sans leading-relaxed"
      />
      <FormFooter state={state} pending={pending}>
        {t("save")}
      </FormFooter>
    </form>
  );
}
