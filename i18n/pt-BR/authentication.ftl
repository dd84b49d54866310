## A caixa de diálogo de autenticação: o polkit pede a senha de um administrador (o aplicativo Configurações é o agente de autenticação da sessão)

auth-title = Autenticação necessária
# Quem pede: o nome do programa como o sistema o conhece (“ferrum-settings”, “pkexec”).
auth-program = Solicitado por { $program }
auth-identity-choice = Autenticar como
auth-password = Senha
# A pessoa cuja senha é pedida, pelo seu nome real.
auth-password-for = Senha de { $person }
auth-authenticate = Autenticar
auth-cancel = Cancelar
auth-checking = Verificando…
auth-wrong-password = Essa senha não foi aceita. Tente novamente.
auth-problem-prompt = O sistema de login pediu mais do que uma senha, e esta caixa de diálogo não consegue pedir isso. Cancele e use um terminal.
auth-problem-line-break = Uma senha com quebra de linha não pode ser verificada.
auth-problem-helper = Não foi possível verificar a senha: o auxiliar de autenticação do sistema não funcionou. Tente novamente ou cancele.
